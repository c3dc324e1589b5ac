import { Redis as RedisExtension, type Configuration } from '@hocuspocus/extension-redis';
import {
  IncomingMessage,
  isTransactionOrigin,
  MessageType,
  OutgoingMessage,
  type afterLoadDocumentPayload,
  type afterUnloadDocumentPayload,
  type Document,
  type onAwarenessUpdatePayload,
  type onChangePayload,
} from '@hocuspocus/server';
import type { Redis as IORedis } from 'ioredis';
import { messageYjsSyncStep1 } from 'y-protocols/sync';
import * as Y from 'yjs';

/** At most one anti-entropy round (a SyncStep1 on the document's channel) per document this often. */
export const antiEntropyIntervalMs = 5_000;

interface RelayedDocument {
  document: Document;
  /**
   * Whether another instance has shown (by any message about this document) that it has the
   * document open. Until then nothing is published per change: a peer that opens the document
   * announces itself with a SyncStep1 and gets our whole state in the answer.
   */
  peers: boolean;
  /** Updates of the current event-loop turn, published together right after it. */
  pending: Uint8Array[];
  antiEntropy?: NodeJS.Timeout;
}

/**
 * Hocuspocus's Redis extension, with a cheaper relay of changes between editor instances.
 *
 * The extension publishes, for every event-loop turn with a change, the document's state vector
 * (a SyncStep1); each peer answers with its SyncStep2 diff and its own SyncStep1, which is
 * answered in turn: four messages and two state diffs per turn with changes, and with one
 * instance still a PUBLISH and its read-back. This relay instead publishes the update itself
 * (a y-protocols sync "update", the updates of one turn merged), and only once another instance
 * has shown it has the document open. The extension's initial sync on load (SyncStep1, with its
 * wait for a peer's answer), awareness relay, stateless broadcast and store lock are kept.
 *
 * Redis pub/sub delivers at most once (a message published while a subscriber reconnects is
 * lost to it), so instances also converge by anti-entropy: a SyncStep1 after a Redis
 * connection comes back, and at most every {@link antiEntropyIntervalMs} per document with
 * local changes. Updates that come from Redis are applied with the origin `redis`: they are not
 * published again, and (no connection, so no beforeSync) the update log does not store them a
 * second time; the instance whose client sent them stored them.
 */
export class RedisUpdateRelay extends RedisExtension {
  private readonly relayed = new Map<string, RelayedDocument>();

  constructor(configuration: Partial<Configuration>) {
    super(configuration);
    // after the extension's own listener (which answers a SyncStep1 synchronously, from the
    // state at that moment), so a change made after a peer is first seen is always published
    this.sub.on('messageBuffer', (_channel: Buffer, message: Buffer) => this.observe(message));
    this.resyncOnReconnect(this.sub as IORedis, true);
    this.resyncOnReconnect(this.pub as IORedis, false);
  }

  override async afterLoadDocument(payload: afterLoadDocumentPayload): Promise<void> {
    // before the extension subscribes, so an answer to its SyncStep1 already marks the peer
    this.relayed.set(payload.documentName, { document: payload.document, peers: false, pending: [] });
    try {
      await super.afterLoadDocument(payload);
    } catch (error) {
      this.forget(payload.documentName);
      throw error;
    }
  }

  override async afterUnloadDocument(payload: afterUnloadDocumentPayload): Promise<void> {
    // the document was loaded again meanwhile: it stays subscribed (as in the extension)
    if (!payload.instance.documents.has(payload.documentName)) this.forget(payload.documentName);
    await super.afterUnloadDocument(payload);
  }

  /** Publishes a change made here (by a client or the server): its update, not a state vector. */
  override async onChange({ documentName, document, update, transactionOrigin }: onChangePayload): Promise<void> {
    if (isTransactionOrigin(transactionOrigin) && transactionOrigin.source === 'redis') return;
    const relayed = this.relayed.get(documentName);
    if (!relayed || relayed.document !== document || !relayed.peers) return;
    relayed.pending.push(update);
    if (relayed.pending.length === 1) setImmediate(() => this.publishPending(documentName, relayed));
    relayed.antiEntropy ??= setTimeout(() => {
      relayed.antiEntropy = undefined;
      if (this.relayed.get(documentName) === relayed) this.publishSyncStep1(documentName, relayed.document);
    }, antiEntropyIntervalMs);
  }

  /** Awareness (cursors) is published only once a peer is known; a new peer asks for it anyway. */
  override async onAwarenessUpdate(payload: onAwarenessUpdatePayload): Promise<void> {
    if (!this.relayed.get(payload.documentName)?.peers) return;
    await super.onAwarenessUpdate(payload);
  }

  override async onDestroy(): Promise<void> {
    for (const documentName of [...this.relayed.keys()]) this.forget(documentName);
    await super.onDestroy();
  }

  private forget(documentName: string): void {
    const relayed = this.relayed.get(documentName);
    if (!relayed) return;
    clearTimeout(relayed.antiEntropy);
    relayed.pending = [];
    this.relayed.delete(documentName);
  }

  private publishPending(documentName: string, relayed: RelayedDocument): void {
    const updates = relayed.pending;
    relayed.pending = [];
    if (updates.length === 0 || this.relayed.get(documentName) !== relayed) return;
    const update = updates.length === 1 ? updates[0] : Y.mergeUpdates(updates);
    this.publish(documentName, new OutgoingMessage(documentName).createSyncMessage().writeUpdate(update).toUint8Array());
  }

  /** Peers answer with what we lack (SyncStep2) and their own SyncStep1, which we answer. */
  private publishSyncStep1(documentName: string, document: Document): void {
    this.publish(documentName, new OutgoingMessage(documentName).createSyncMessage().writeFirstSyncStepFor(document).toUint8Array());
  }

  private publish(documentName: string, message: Uint8Array): void {
    // the extension's framing: identifier length, identifier, then the Hocuspocus message
    const framed = Buffer.concat([this.messagePrefix, message]);
    this.pub.publish(`${this.configuration.prefix}:${documentName}`, framed).catch((error: Error) => {
      // the anti-entropy round after the connection comes back makes up for it
      console.error(`Redis relay: not published for document "${documentName}": ${error.message}`);
    });
  }

  /** Marks the document as shared with another instance when a message from one arrives. */
  private observe(message: Buffer): void {
    if (message.length <= this.messagePrefix.length) return;
    if (message.subarray(0, this.messagePrefix.length).equals(this.messagePrefix)) return;
    let documentName: string;
    let announcement = false;
    try {
      const incoming = new IncomingMessage(message.subarray(message[0] + 1));
      documentName = incoming.readVarString();
      const type = incoming.readVarUint();
      announcement = type === MessageType.Sync && incoming.readVarUint() === messageYjsSyncStep1;
    } catch {
      return;
    }
    const relayed = this.relayed.get(documentName);
    if (!relayed || relayed.peers) return;
    relayed.peers = true;
    // a peer's SyncStep1 on the document channel was just answered with our state and our own
    // SyncStep1; any other first message (a peer that knew of us before we knew of it, say
    // after a reconnection) gets a full round, so nothing published before this is missed
    if (!announcement) this.publishSyncStep1(documentName, relayed.document);
    if (relayed.document.awareness.getStates().size > 0) {
      const awareness = new OutgoingMessage(documentName).createAwarenessUpdateMessage(relayed.document.awareness);
      this.publish(documentName, awareness.toUint8Array());
    }
  }

  /**
   * After a Redis connection comes back, every open document gets a full round with its peers:
   * messages published while it was down are lost (pub/sub keeps nothing).
   */
  private resyncOnReconnect(connection: IORedis, subscriber: boolean): void {
    let lost = false;
    connection.on('close', () => {
      lost = true;
    });
    connection.on('ready', () => {
      if (!lost) return;
      lost = false;
      // ioredis resubscribes before 'ready'; a PING on the same connection returns once the
      // resubscription is done, so the peers' answers cannot arrive before we listen again
      const resubscribed = subscriber ? connection.ping().then(() => undefined) : Promise.resolve();
      void resubscribed
        .then(() => {
          for (const [documentName, relayed] of this.relayed) this.publishSyncStep1(documentName, relayed.document);
        })
        .catch((error: Error) => console.error(`Redis relay: no resynchronisation after reconnecting: ${error.message}`));
    });
  }
}
