import type { IncomingMessage } from 'node:http';

/**
 * Decides, from the headers alone, whether a request may send a body above BODY_LIMIT (a bulk
 * upload), so that an anonymous client cannot make a service read and parse 64 MB. Provided by
 * the auth module (it knows tokens); throws the AppError to answer otherwise.
 */
export interface LargeBodyAdmission {
  admit(request: IncomingMessage): Promise<void>;
}

export const LARGE_BODY_ADMISSION = Symbol('LARGE_BODY_ADMISSION');
