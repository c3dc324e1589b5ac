import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { collaborationLimits } from './collaboration-limits';
import { UpdateValidator, type Verdict } from './update-validator';

/** A keystroke as a provider sends it: one character typed into a paragraph. */
function keystroke(): Uint8Array {
  const ydoc = new Y.Doc();
  const text = ydoc.getText('paragraph');
  text.insert(0, 'Đại hội đại biểu');
  const before = Y.encodeStateVector(ydoc);
  text.insert(4, 'x');
  return Y.encodeStateAsUpdate(ydoc, before);
}

/** A v1 update of one client section with `count` structs, each written by `write`. */
function structs(count: number, write: (encoder: encoding.Encoder) => void, claimed = count): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1); // client sections
  encoding.writeVarUint(encoder, claimed); // structs in the section
  encoding.writeVarUint(encoder, 7); // client
  encoding.writeVarUint(encoder, 0); // clock
  for (let index = 0; index < count; index += 1) write(encoder);
  encoding.writeVarUint(encoder, 0); // delete set: no clients
  return encoding.toUint8Array(encoder);
}

/** Structs whose every count is as large as the bytes allow: the decoder's worst small cases. */
const worstSmallUpdates: [string, Uint8Array][] = [
  ['XML elements', structs(800, (encoder) => {
    encoding.writeUint8(encoder, 7); // ContentType, parent named by a key
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarString(encoder, '');
    encoding.writeVarUint(encoder, 3); // YXmlElement
    encoding.writeVarString(encoder, '');
  })],
  ['garbage-collected ranges', structs(2000, (encoder) => {
    encoding.writeUint8(encoder, 0);
    encoding.writeVarUint(encoder, 1);
  })],
  ['one array of 4,000 undefined', structs(1, (encoder) => {
    encoding.writeUint8(encoder, 8); // ContentAny
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarString(encoder, 'p');
    encoding.writeVarUint(encoder, 4000);
    for (let index = 0; index < 4000; index += 1) encoding.writeUint8(encoder, 127);
  })],
  ['deletions', (() => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, 7);
    encoding.writeVarUint(encoder, 2000);
    for (let index = 0; index < 2000; index += 1) {
      encoding.writeVarUint(encoder, 0);
      encoding.writeVarUint(encoder, 0);
    }
    return encoding.toUint8Array(encoder);
  })()],
];

describe('UpdateValidator', () => {
  let validator: UpdateValidator;

  beforeAll(() => {
    validator = new UpdateValidator();
  });

  afterAll(async () => {
    await validator.onApplicationShutdown();
  });

  const where = async (update: Uint8Array): Promise<{ verdict: Verdict; mainThread: boolean }> => {
    const before = { ...validator.decoded };
    const verdict = await validator.validate(update);
    const mainThread = validator.decoded.mainThread > before.mainThread;
    expect(mainThread).toBe(validator.decoded.decoderThread === before.decoderThread);
    return { verdict, mainThread };
  };

  it('decodes a keystroke on the main thread, at once', async () => {
    const verdict = validator.validate(keystroke());
    expect(verdict).not.toBeInstanceOf(Promise);
    expect(verdict).toEqual({ ok: true, empty: false });
    expect(await where(new Uint8Array([0, 0]))).toEqual({ verdict: { ok: true, empty: true }, mainThread: true });
  });

  it('decodes a large update in a decoder thread', async () => {
    const ydoc = new Y.Doc();
    const paragraph = new Y.XmlElement('paragraph');
    ydoc.getXmlFragment('prosemirror').insert(0, [paragraph]);
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    text.insert(0, 'Nghị quyết '.repeat(1000));
    const update = Y.encodeStateAsUpdate(ydoc);
    expect(update.byteLength).toBeGreaterThan(collaborationLimits.mainThreadDecodeBytes);
    expect(await where(update)).toEqual({ verdict: { ok: true, empty: false }, mainThread: false });
  });

  it('refuses malformed small updates on the main thread', async () => {
    const garbage = Uint8Array.from({ length: 64 }, (_, index) => (index * 37 + 11) % 256);
    const update = keystroke();
    const unknownContent = structs(1, (encoder) => {
      encoding.writeUint8(encoder, 31); // no such content type
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarString(encoder, 'p');
    });
    for (const bad of [garbage, update.subarray(0, update.length - 4), unknownContent, new Uint8Array(0)]) {
      const result = await where(bad);
      expect(result.verdict.ok).toBe(false);
    }
    // the ones whose counts fit their length were refused without a thread
    expect((await where(unknownContent)).mainThread).toBe(true);
    expect((await where(update.subarray(0, update.length - 4))).mainThread).toBe(true);
  });

  it('sends a small update whose counts exceed its length to a decoder thread, which refuses it', async () => {
    const claimsStructs = structs(3, (encoder) => encoding.writeUint8(encoder, 0), 2 ** 50);
    const claimsSections = Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0x0f, 0, 0]);
    const claimsDeletions = Uint8Array.from([0, 0xff, 0xff, 0xff, 0x7f, 1, 2]);
    for (const hostile of [claimsStructs, claimsSections, claimsDeletions]) {
      const result = await where(hostile);
      expect(result).toEqual({ verdict: { ok: false, reason: expect.any(String) }, mainThread: false });
    }
  });

  it('decodes the worst small updates found in well under the time a thread hop costs', () => {
    for (const [name, update] of worstSmallUpdates) {
      expect([name, update.byteLength <= collaborationLimits.mainThreadDecodeBytes]).toEqual([name, true]);
      const started = process.hrtime.bigint();
      const verdict = validator.validate(update);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      // decoded to the end (these structs name no element the schema knows, so the schema check refuses them after)
      expect([name, 'ok' in verdict && (verdict.ok || verdict.schema === true)]).toEqual([name, true]);
      // under 1 ms on a quiet machine; the bound leaves room for a loaded one and a cold JIT
      expect([name, ms < 50]).toEqual([name, true]);
    }
  });

  it('gives the same verdict on the main thread as a decoder thread, for mutated and random small updates', async () => {
    let seed = 7;
    const next = (bound: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % bound;
    };
    const samples: Uint8Array[] = [];
    for (let index = 0; index < 300; index += 1) {
      const mutated = new Uint8Array(keystroke());
      for (let flips = 1 + next(3); flips > 0; flips -= 1) mutated[next(mutated.length)] = next(256);
      samples.push(mutated, Uint8Array.from({ length: 1 + next(200) }, () => (next(4) === 0 ? next(256) : next(4))));
    }
    let refused = 0;
    for (const sample of samples) {
      const here = await validator.validate(sample);
      const there = await validator.validateOffThread(sample);
      expect(here.ok).toBe(there.ok);
      if (!here.ok) refused += 1;
    }
    // both kinds of verdict were exercised
    expect(refused).toBeGreaterThan(0);
    expect(refused).toBeLessThan(samples.length);
  });
});
