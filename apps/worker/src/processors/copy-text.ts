import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type CopyValue = string | number | boolean | null | undefined;

const separator = /[\\\t\n\r]/;
const separators = /[\\\t\n\r]/g;
const escapes: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const escape = (character: string): string => escapes[character];

/**
 * A value in COPY's text format: \N for null, backslash escapes for the separators. A string
 * without any (almost every one) is returned as it is, after one scan.
 */
export function copyValue(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  return separator.test(value) ? value.replace(separators, escape) : value;
}

/** One row of COPY text: its values, tab-separated, ending with a newline. */
export function copyLine(values: readonly CopyValue[]): string {
  let line = copyValue(values[0]);
  for (let index = 1; index < values.length; index++) line += `\t${copyValue(values[index])}`;
  return `${line}\n`;
}

/**
 * Characters per chunk of COPY text (about half a megabyte). Chunks are built as the connection
 * takes them (one ahead), so PostgreSQL reads the first rows while the next are built, instead of
 * waiting for most of the text to be built first (a stream of chunks buffers 16 ahead by
 * default); chunks by size rather than by lines, so that narrow rows (memberships: two ids) do
 * not make hundreds of hand-offs between the worker and the connection.
 */
const charactersPerChunk = 512 * 1024;

/** COPY `statement` FROM STDIN on `client`, with `count` lines, `line(index)` each (see copyLine). */
export async function copyLines(client: PoolClient, statement: string, count: number, line: (index: number) => string): Promise<void> {
  function* chunks(): Generator<string> {
    let text = '';
    for (let index = 0; index < count; index++) {
      text += line(index);
      if (text.length >= charactersPerChunk) {
        yield text;
        text = '';
      }
    }
    if (text.length > 0) yield text;
  }
  await pipeline(Readable.from(chunks(), { highWaterMark: 1 }), client.query(copyFrom(statement)));
}
