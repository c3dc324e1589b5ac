import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Hocuspocus,
  type beforeHandleAwarenessPayload,
  type beforeSyncPayload,
  type Connection,
  type onAuthenticatePayload,
  type onLoadDocumentPayload,
  type onTokenSyncPayload,
} from '@hocuspocus/server';
import type { AuthenticatedUser, SessionEvent } from '@vankien/auth';
import { buildStateInThread, compactDocument, countUnfoldedUpdates, loadDocumentState } from '@vankien/database';
import { AppConfig, publicOrigins } from '@vankien/platform';
import { JobProducer } from '@vankien/queue';
import IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { WebSocketServer, type WebSocket } from 'ws';
import * as Y from 'yjs';
import { DocumentAccess, isLockViolation, type CollaborationGrant } from '../documents/document-access';
import { closeReasons, collaborationLimits } from './collaboration-limits';
import { rewritePresence } from './presence';
import { RedisUpdateRelay } from './redis-update-relay';
import { UpdateLogWriter } from './update-log.writer';
import { UpdateValidator } from './update-validator';
import { originAllowed, refuseUpgrade } from './upgrade-origin';

export const collaborationPath = '/collab';
/** Prefix of the Redis keys and channels of the Redis extension (COLLAB_REDIS=on). */
export const collaborationRedisPrefix = 'vankien:collab';

/** The access token a connection's rights rest on; replaced when the provider sends a fresh one. */
interface ConnectionSession {
  tokenId: string;
  sessionId: string;
  expiresAt: number;
  /** When to ask the provider for a fresh token (before expiresAt). */
  refreshAt: number;
  refreshRequested: boolean;
}

interface ConnectionContext {
  /** Set once the connection is authenticated. */
  userId?: string;
  /** The user's name, as presence shows it to others. */
  userName?: string;
  documentId?: string;
  session?: ConnectionSession;
  /** Closes the whole WebSocket (Hocuspocus on its own only closes the document's channel). */
  closeSocket(code: number, reason: string): void;
}

interface DocumentStats {
  bytes: number;
  appendsSinceCompaction: number;
}

/** A close event with a code and a reason for the client (Hocuspocus closes with them). */
class CloseConnection extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** A connection's session from the token it authenticated (or refreshed) with. */
function sessionOf(user: AuthenticatedUser): ConnectionSession {
  const lifetime = Math.max(0, user.expiresAt - Date.now());
  const lead = Math.min(collaborationLimits.tokenRefreshLeadMs, lifetime / 2);
  return { tokenId: user.tokenId, sessionId: user.sessionId, expiresAt: user.expiresAt, refreshAt: user.expiresAt - lead, refreshRequested: false };
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The collaboration endpoint: a Hocuspocus server at /collab on the editor's own HTTP port.
 * Every update a client sends is checked and appended to PostgreSQL before Hocuspocus applies
 * it and acknowledges it (SyncStatus), so nothing a client was told is saved can be lost. Loads
 * read the latest snapshot plus the log; documents without connections are unloaded.
 */
@Injectable()
export class CollaborationServer implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(CollaborationServer.name);
  readonly hocuspocus: Hocuspocus<ConnectionContext>;
  private readonly sockets = new WebSocketServer({ noServer: true, maxPayload: collaborationLimits.maxMessageBytes });
  private readonly stats = new Map<string, DocumentStats>();
  /** Origins whose pages may open /collab (PUBLIC_ORIGINS). */
  private readonly allowedOrigins: ReadonlySet<string>;
  private readonly sessionSweep: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: DocumentAccess,
    private readonly validator: UpdateValidator,
    private readonly updateLog: UpdateLogWriter,
    private readonly producer: JobProducer,
    config: AppConfig,
  ) {
    const redisUrl = config.get('REDIS_URL');
    // the Redis relay carries updates and awareness between editor instances (publishing only
    // once another instance has the document open); with one instance it is not needed at all
    const relayThroughRedis = config.get('COLLAB_REDIS') === 'on';
    if (!relayThroughRedis) this.logger.log('COLLAB_REDIS=off: edits are not relayed to other editor instances (run only one)');
    this.hocuspocus = new Hocuspocus<ConnectionContext>({
      name: `editor-${process.pid}`,
      quiet: true,
      timeout: 30_000,
      // nothing is stored through onStoreDocument (every update is already in the log), so a
      // document is unloaded as soon as its last connection closes; the store hooks (where the
      // Redis extension takes a lock) still run, so they are debounced rather than run per change
      unloadImmediately: true,
      debounce: 5_000,
      maxDebounce: 30_000,
      extensions: relayThroughRedis
        ? [
            new RedisUpdateRelay({
              prefix: collaborationRedisPrefix,
              createClient: () => new IORedis(redisUrl, { maxRetriesPerRequest: null, connectionName: 'vankien-collab' }),
            }),
          ]
        : [],
      onAuthenticate: (payload) => this.authenticate(payload),
      onTokenSync: (payload) => this.tokenSynced(payload),
      beforeHandleAwareness: async (payload) => this.rewriteAwareness(payload),
      onLoadDocument: (payload) => this.load(payload),
      beforeSync: (payload) => this.persist(payload),
      afterUnloadDocument: async ({ documentName }) => this.unloaded(documentName),
    });
    this.allowedOrigins = new Set(publicOrigins({ PUBLIC_ORIGINS: config.get('PUBLIC_ORIGINS'), PORT: config.get('PORT') }));
    // tokens expire while sockets stay open: ask for fresh ones, end the connections that sent none
    this.sessionSweep = setInterval(() => this.sweepSessions(), collaborationLimits.sessionSweepMs);
    this.sessionSweep.unref();
  }

  /** Serves WebSocket upgrades for /collab on the app's HTTP server. */
  attach(server: Server): void {
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      if (url.pathname !== collaborationPath && !url.pathname.startsWith(`${collaborationPath}/`)) {
        socket.destroy();
        return;
      }
      if (!originAllowed(request.headers.origin, this.allowedOrigins)) {
        this.logger.warn(`refused a /collab upgrade from origin ${JSON.stringify(request.headers.origin).slice(0, 200)}`);
        refuseUpgrade(request, socket);
        return;
      }
      this.sockets.handleUpgrade(request, socket, head, (websocket) => this.connect(websocket, request, url));
    });
  }

  private connect(websocket: WebSocket, incoming: IncomingMessage, url: URL): void {
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers)) {
      if (typeof value === 'string') headers.set(name, value);
    }
    const closeSocket = (code: number, reason: string): void => {
      // after Hocuspocus has sent its own close message for the document
      setImmediate(() => websocket.close(code, reason));
    };
    const client = this.hocuspocus.handleConnection(websocket, new Request(url, { headers }), { closeSocket });
    websocket.on('message', (data: Buffer) => client.handleMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
    websocket.on('close', (code: number, reason: Buffer) => client.handleClose({ code, reason: reason.toString() }));
    websocket.on('error', (error) => this.logger.warn(`collaboration socket error: ${error.message}`));
  }

  private async authenticate({ token, documentName, connectionConfig, context }: onAuthenticatePayload<ConnectionContext>): Promise<ConnectionContext> {
    if (!uuid.test(documentName)) throw new Error('unknown document');
    const { user, fullName, grant } = await this.access.collaborationGrant(token, documentName);
    connectionConfig.readOnly = grant === 'read';
    return { ...context, userId: user.userId, userName: fullName, documentId: documentName, session: sessionOf(user) };
  }

  /**
   * The provider sent a token (asked for by the sweep, or on its own): the connection's rights
   * are asked again with it, and it carries the connection until it expires in turn. The
   * context is changed in place: Hocuspocus's connection keeps the object it was created with.
   */
  private async tokenSynced({ token, connection, documentName }: onTokenSyncPayload<ConnectionContext>): Promise<void> {
    const context = connection.context;
    let answer: Awaited<ReturnType<DocumentAccess['collaborationGrant']>>;
    try {
      answer = await this.access.collaborationGrant(token, documentName);
    } catch {
      // an expired, forged or logged-out token does not refresh anything; the current one
      // still runs out at its time, unless it is the one that was logged out
      if (context.session && Date.now() >= context.session.expiresAt) this.end(connection, closeReasons.sessionExpired);
      return;
    }
    if (answer.user.userId !== context.userId) {
      this.end(connection, closeReasons.rightsChanged);
      return;
    }
    context.session = sessionOf(answer.user);
    this.applyGrant(connection, answer.grant);
  }

  /**
   * Turns a connection read-only at once (what it sends from now on is refused, never stored:
   * Hocuspocus checks `readOnly` after beforeSync, and persist() checks it again), then closes
   * its socket with the reason; the provider reconnects and is granted what it may have now.
   */
  private end(connection: Connection<ConnectionContext>, reason: { code: number; reason: string }): void {
    connection.readOnly = true;
    connection.close({ code: reason.code, reason: reason.reason });
    connection.context.closeSocket(reason.code, reason.reason);
  }

  /** A writer that may only read now, or someone who may not even read, is ended. */
  private applyGrant(connection: Connection<ConnectionContext>, grant: CollaborationGrant | null): void {
    if (grant === null || (grant === 'read' && !connection.readOnly)) this.end(connection, closeReasons.rightsChanged);
  }

  private *connections(): Generator<Connection<ConnectionContext>> {
    for (const document of this.hocuspocus.documents.values()) {
      for (const connection of document.getConnections()) yield connection as Connection<ConnectionContext>;
    }
  }

  /**
   * A session event heard on Redis (from any instance of any app): a logout ends the
   * connections opened with its sessions or token; a change of roles asks every connection of
   * the user for its rights again.
   */
  async sessionChanged(event: SessionEvent): Promise<void> {
    const affected = [...this.connections()].filter((connection) => connection.context.userId === event.userId);
    if (event.type === 'logout') {
      for (const connection of affected) {
        const session = connection.context.session;
        if (session && (event.sessionIds.includes(session.sessionId) || session.tokenId === event.tokenId)) this.end(connection, closeReasons.signedOut);
      }
      return;
    }
    await Promise.all(
      affected.map(async (connection) => {
        let grant: CollaborationGrant | null;
        try {
          grant = await this.access.collaborationGrantFor(event.userId, connection.document.name);
        } catch (error) {
          // rights that cannot be read now are not assumed to be kept
          this.logger.warn(`rights of ${event.userId} on ${connection.document.name} not re-read: ${error instanceof Error ? error.message : String(error)}`);
          grant = null;
        }
        this.applyGrant(connection, grant);
      }),
    );
  }

  private sweepSessions(): void {
    const now = Date.now();
    for (const connection of this.connections()) {
      const session = connection.context.session;
      if (!session) continue;
      if (now >= session.expiresAt) this.end(connection, closeReasons.sessionExpired);
      else if (now >= session.refreshAt && !session.refreshRequested) {
        session.refreshRequested = true;
        connection.requestToken();
      }
    }
  }

  /** Presence carries the server-known identity, whatever the client wrote (presence.ts). */
  private rewriteAwareness({ connection, document, states }: beforeHandleAwarenessPayload<ConnectionContext>): void {
    // updates relayed from other instances were rewritten where their client is connected
    if (!connection) return;
    const { userId, userName } = connection.context as ConnectionContext;
    if (!userId || userName === undefined) {
      states.clear();
      return;
    }
    const others = document.getConnections().filter((other) => other !== connection);
    rewritePresence(states, { userId, name: userName, readOnly: connection.readOnly }, (clientId) => others.some((other) => document.getClients(other).has(clientId)));
  }

  /** Refuses the update: the client's whole socket is closed with the code and reason. */
  private refuse(connection: beforeSyncPayload<ConnectionContext>['connection'], refusal: { code: number; reason: string }): CloseConnection {
    connection.context.closeSocket(refusal.code, refusal.reason);
    return new CloseConnection(refusal.code, refusal.reason);
  }

  private async load({ document, documentName }: onLoadDocumentPayload<ConnectionContext>): Promise<void> {
    // a long log (it builds up only while the worker is down) is folded into a snapshot on the
    // way, in the document being loaded: this load costs about what it would have, and every
    // later load, here or on another instance, reads one snapshot instead of the whole log
    if ((await countUnfoldedUpdates(this.dataSource, documentName)) > collaborationLimits.compactOnLoadAbove) {
      // the log's seconds of CPU on a thread of their own: other documents keep being served
      const outcome = await compactDocument(this.dataSource, documentName, { into: document, build: buildStateInThread });
      if (outcome.compacted) this.logger.log(`${documentName}: folded ${outcome.foldedUpdates} updates into a snapshot while loading`);
      this.stats.set(documentName, { bytes: outcome.snapshotBytes, appendsSinceCompaction: 0 });
      return;
    }
    const state = await loadDocumentState(this.dataSource, documentName);
    // one Yjs transaction for the whole log: cleanup (merges, observers) runs once, not per update
    Y.transact(document, () => state.updates.forEach((update) => Y.applyUpdate(document, update)));
    this.stats.set(documentName, { bytes: state.bytes, appendsSinceCompaction: 0 });
  }

  /** Size cap, decoding and schema check of an update; throws (closing the socket) unless it passes. */
  private async check(connection: beforeSyncPayload<ConnectionContext>['connection'], documentName: string, payload: Uint8Array): Promise<{ empty: boolean }> {
    if (payload.byteLength > collaborationLimits.maxUpdateBytes) throw this.refuse(connection, closeReasons.updateTooLarge);
    // small updates are decoded at once, here; large ones in a decoder thread
    const verdict = await this.validator.validate(payload);
    if (!verdict.ok) {
      this.logger.warn(`refused ${verdict.schema ? 'an update outside the schema' : 'a malformed update'} for ${documentName}: ${verdict.reason}`);
      throw this.refuse(connection, verdict.schema ? closeReasons.schemaViolation : closeReasons.malformedUpdate);
    }
    return { empty: verdict.empty };
  }

  /** Runs before Hocuspocus applies a client's SyncStep2 or Update and acknowledges it. */
  private async persist({ type, payload, connection, documentName }: beforeSyncPayload<ConnectionContext>): Promise<void> {
    const carriesUpdate = type === 1 || type === 2;
    if (!carriesUpdate) return;
    if (connection.readOnly) {
      // never applied, but Hocuspocus decodes a reader's SyncStep2 on the main thread (to answer
      // "nothing new" or "not saved"): a crafted one would stall every document, so it is capped
      // and checked as a writer's update is (a reader's Update is answered without decoding)
      if (type !== 1) return;
      if (payload.byteLength > collaborationLimits.maxReadOnlySyncBytes) throw this.refuse(connection, closeReasons.updateTooLarge);
      await this.check(connection, documentName, payload);
      return;
    }
    // exact at the write, whatever the sweep's interval: an expired token stores nothing more
    const session = connection.context.session;
    if (!session || Date.now() >= session.expiresAt) {
      this.end(connection, closeReasons.sessionExpired);
      return;
    }
    const { empty } = await this.check(connection, documentName, payload);
    if (empty) return;
    // its rights may have gone while the update was being decoded (a logout, a role revoked)
    if (connection.readOnly) return;
    const stats = this.stats.get(documentName) ?? { bytes: 0, appendsSinceCompaction: 0 };
    if (stats.bytes + payload.byteLength > collaborationLimits.maxDocumentBytes) {
      throw this.refuse(connection, closeReasons.documentTooLarge);
    }
    try {
      await this.updateLog.append(documentName, payload);
    } catch (error) {
      // the database refused it: the document was locked for approval after this connection opened
      if (isLockViolation(error)) throw this.refuse(connection, closeReasons.documentLocked);
      // not stored, so not applied and not acknowledged: the provider sends it again on reconnect
      this.logger.error(`could not store an update of ${documentName}: ${error instanceof Error ? error.message : String(error)}`);
      throw this.refuse(connection, closeReasons.storageUnavailable);
    }
    stats.bytes += payload.byteLength;
    stats.appendsSinceCompaction += 1;
    this.stats.set(documentName, stats);
    if (stats.appendsSinceCompaction >= collaborationLimits.updatesPerCompaction) {
      stats.appendsSinceCompaction = 0;
      this.requestCompaction(documentName);
    }
  }

  private unloaded(documentName: string): void {
    const stats = this.stats.get(documentName);
    this.stats.delete(documentName);
    if (stats && stats.appendsSinceCompaction > 0) this.requestCompaction(documentName);
  }

  private requestCompaction(documentId: string): void {
    this.producer.enqueue('documents.compact', { documentId }).catch((error: Error) => this.logger.warn(`compaction of ${documentId} not queued: ${error.message}`));
  }

  /**
   * Applies an update the server itself stored (a DOCX import) to the document if it is open
   * here; Hocuspocus sends it to the connected clients and the Redis extension to other instances.
   */
  applyStoredUpdate(documentId: string, update: Uint8Array): void {
    const document = this.hocuspocus.documents.get(documentId);
    if (!document) return;
    Y.applyUpdate(document, update, { source: 'local' });
    const stats = this.stats.get(documentId);
    if (stats) stats.bytes += update.byteLength;
  }

  /** Closes every connection to a document (it was approved, or frozen read-only). */
  closeDocument(documentId: string): void {
    this.hocuspocus.closeConnections(documentId);
  }

  get openDocuments(): number {
    return this.hocuspocus.getDocumentsCount();
  }

  /**
   * Before the HTTP server closes: it waits for every open connection, and upgraded WebSockets
   * count, so they must be closed first or a shutdown with connected clients never ends.
   */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.sessionSweep);
    this.hocuspocus.closeConnections();
    for (const socket of this.sockets.clients) socket.close(1001, 'server shutting down');
    // a client that does not answer the closing handshake is cut after a second
    for (let waited = 0; this.sockets.clients.size > 0 && waited < 1_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    for (const socket of this.sockets.clients) socket.terminate();
    await new Promise<void>((resolve) => this.sockets.close(() => resolve()));
    // let the documents unload (they unsubscribe from Redis) before the extensions close Redis
    for (let waited = 0; this.hocuspocus.getDocumentsCount() > 0 && waited < 5_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async onApplicationShutdown(): Promise<void> {
    // extensions (Redis pub/sub) release their connections on onDestroy
    await this.hocuspocus.hooks('onDestroy', { instance: this.hocuspocus });
  }
}
