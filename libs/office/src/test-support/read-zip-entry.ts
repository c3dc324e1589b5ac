import * as yauzl from 'yauzl';

/** The inflated text of one entry of a ZIP buffer (for specs that look inside a DOCX). */
export const readZipText = (buffer: Buffer, name: string): Promise<string> =>
  new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zipfile) => {
      if (error) return reject(error);
      zipfile.on('error', reject);
      zipfile.on('end', () => reject(new Error(`${name} not found`)));
      zipfile.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== name) return zipfile.readEntry();
        zipfile.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            zipfile.close();
            resolve(Buffer.concat(chunks).toString('utf8'));
          });
          stream.on('error', reject);
        });
      });
      zipfile.readEntry();
    });
  });
