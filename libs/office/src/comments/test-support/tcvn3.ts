import { convertFromTcvn3 } from '@vankien/synthesis';

/** Writes Unicode Vietnamese the way an old TCVN3 (ABC) file reads as Latin-1: "Đảng" → "§¶ng". */
export const toTcvn3 = (text: string): string => {
  const inverse = new Map<string, string>();
  for (let code = 0xa1; code <= 0xff; code++) {
    const character = String.fromCharCode(code);
    const converted = convertFromTcvn3(character);
    if (converted !== character) inverse.set(converted, character);
  }
  return [...text.normalize('NFC')].map((character) => inverse.get(character) ?? character).join('');
};
