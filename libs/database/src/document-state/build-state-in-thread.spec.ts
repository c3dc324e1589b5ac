import * as Y from 'yjs';
import { buildStateInThread } from './build-state-in-thread';

/** Updates of two writers typing into one shared text, each seeing the other's edits. */
function scatteredEdits(count: number): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const writers = [new Y.Doc(), new Y.Doc()];
  writers.forEach((writer) => writer.on('update', (update: Uint8Array) => updates.push(update)));
  let seed = 11;
  const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let index = 0; index < count; index++) {
    const writer = writers[index % 2];
    const text = writer.getText('body');
    if (text.length > 0 && index % 10 === 9) text.delete(Math.floor(random() * text.length), 1);
    else text.insert(Math.floor(random() * (text.length + 1)), 'ạb'.charAt(index % 2));
    const other = writers[(index + 1) % 2];
    Y.applyUpdate(other, Y.encodeStateAsUpdate(writer, Y.encodeStateVector(other)));
  }
  return updates;
}

describe('buildStateInThread', () => {
  it('gives the state the calling thread would build from the same updates', async () => {
    const updates = scatteredEdits(2000);
    const here = new Y.Doc();
    Y.transact(here, () => updates.forEach((update) => Y.applyUpdate(here, update)));
    // pg hands back Buffers that may share one pool: the thread must get exactly these bytes
    const state = await buildStateInThread(updates.map((update) => Buffer.from(update)));
    expect(Buffer.from(state).equals(Buffer.from(Y.encodeStateAsUpdate(here)))).toBe(true);
    const rebuilt = new Y.Doc();
    Y.applyUpdate(rebuilt, state);
    expect(rebuilt.getText('body').toString()).toBe(here.getText('body').toString());
  });

  it('rejects an update that cannot be applied, naming the failure', async () => {
    const updates = scatteredEdits(10);
    await expect(buildStateInThread([...updates, Uint8Array.from([255, 255, 255, 255, 1, 2])])).rejects.toThrow(/building the document state failed/);
  });

  it('builds an empty document from no updates', async () => {
    const rebuilt = new Y.Doc();
    Y.applyUpdate(rebuilt, await buildStateInThread([]));
    expect(rebuilt.getText('body').toString()).toBe('');
  });
});
