// One exception class for every file this library refuses, with a stable code the REST layer maps
// to a 4xx (the exhaustive switch there makes a new code a compile error) and a message in both
// locales of the interface, so the drafter reads why in Vietnamese without the server guessing.

export const OFFICE_FILE_ERROR_CODES = [
  'NOT_A_ZIP',
  'NOT_A_DOCX',
  'TOO_MANY_ENTRIES',
  'TOO_LARGE_UNCOMPRESSED',
  /** A part inflates to more bytes than the archive declares for it: a lie only a crafted file tells. */
  'DECLARED_SIZE_EXCEEDED',
  'SUSPICIOUS_COMPRESSION',
  'UNSAFE_ENTRY_NAME',
  'ENCRYPTED_ENTRY',
  'EXTERNAL_ENTITY',
  'CORRUPT',
  /** A readable document that cannot become a valid congress document (too many blocks, too deep). */
  'UNSUPPORTED_CONTENT',
] as const;
export type OfficeFileErrorCode = (typeof OFFICE_FILE_ERROR_CODES)[number];

export interface LocalisedMessage {
  vi: string;
  en: string;
}

export class OfficeFileError extends Error {
  readonly code: OfficeFileErrorCode;
  readonly vi: string;
  readonly en: string;
  /** The ZIP entry concerned, when there is one (for logs; never a server path). */
  readonly entryName: string | undefined;

  constructor(code: OfficeFileErrorCode, message: LocalisedMessage, options: { entryName?: string; cause?: unknown } = {}) {
    super(message.en, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'OfficeFileError';
    this.code = code;
    this.vi = message.vi;
    this.en = message.en;
    this.entryName = options.entryName;
  }
}

export const isOfficeFileError = (error: unknown): error is OfficeFileError => error instanceof OfficeFileError;
