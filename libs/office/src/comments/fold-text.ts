import { convertLegacy } from '@vankien/synthesis';

// Header labels, kind names and document names are compared without diacritics: clerks type them
// in NFD, without tones, in upper case, across line breaks, or in TCVN3 from old templates.

const COMBINING_MARKS = /\p{M}+/gu;

/** Legacy encodings converted, NFC; the text as it should be shown. */
export const displayText = (raw: string): string =>
  convertLegacy(raw.normalize('NFC')).normalize('NFC').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');

/** Lower case, no diacritics (đ → d), punctuation as spaces, spaces collapsed. */
export const foldText = (raw: string): string =>
  displayText(raw)
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/đ/g, 'd')
    .replace(/[^\p{L}\p{N}%]+/gu, ' ')
    .trim();

/** Lower case NFC with spaces collapsed: tones kept, for words whose tone matters (bỏ / bộ). */
export const lowerText = (raw: string): string => displayText(raw).toLowerCase().replace(/\s+/g, ' ').trim();
