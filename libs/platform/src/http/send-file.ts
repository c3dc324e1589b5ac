import type { Response } from 'express';

export const officeMimeTypes = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** Sends a generated file as a download (the filename is ASCII: made so by the caller). */
export function sendFile(response: Response, file: { filename: string; content: Buffer }, type: keyof typeof officeMimeTypes): void {
  response.setHeader('Content-Type', officeMimeTypes[type]);
  response.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
  response.send(file.content);
}
