import yauzl from 'yauzl';

/** Every entry of a ZIP (DOCX, XLSX) inflated and joined, to search the text an Office file carries. */
function zipText(buffer: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('not a zip'));
      const parts: string[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            parts.push(Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
          stream.on('error', reject);
        });
      });
      zip.on('end', () => resolve(parts.join('\n')));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** The text a response carries: its body, or for an Office file the text inside it. */
export async function responseText(body: Buffer): Promise<string> {
  if (body.length >= 4 && body.readUInt32LE(0) === 0x04034b50) {
    try {
      return await zipText(body);
    } catch {
      return body.toString('latin1');
    }
  }
  return body.toString('utf8');
}
