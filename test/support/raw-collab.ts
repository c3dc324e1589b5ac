import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';

// The Hocuspocus wire format by hand, for tests that must send what no provider would.

/** A raw Hocuspocus message: [document name][type][…]. */
export function hocuspocusMessage(documentName: string, type: number, write: (encoder: encoding.Encoder) => void = () => undefined): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** The authentication message (type 2, subtype 0 by default) carrying a token. */
export const authMessage = (documentName: string, token: string, subtype = 0): Uint8Array =>
  hocuspocusMessage(documentName, 2, (encoder) => {
    encoding.writeVarUint(encoder, subtype);
    encoding.writeVarString(encoder, token);
  });

/**
 * A raw WebSocket on /collab that has sent its token; resolves once the server answered the
 * authentication, or once the socket closed (a refusal), whichever comes first.
 */
export async function openAuthenticated(baseUrl: string, documentId: string, token: string): Promise<{ socket: WebSocket; closed: Promise<{ code: number; reason: string }> }> {
  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/collab`);
  const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const authenticated = new Promise<void>((resolve) =>
    socket.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      decoding.readVarString(decoder);
      if (decoding.readVarUint(decoder) === 2) resolve();
    }),
  );
  socket.send(authMessage(documentId, token));
  await Promise.race([authenticated, closed]);
  return { socket, closed };
}
