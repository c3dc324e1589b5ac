/**
 * Limits of the collaboration endpoint. A Yjs update is untrusted input: its size is capped
 * before anything reads it, and its decoding runs off the main thread under a time limit unless
 * it is small and its counts fit its length (update-validator.ts).
 */
export const collaborationLimits = {
  /** Largest WebSocket message (ws maxPayload; the library default is 100 MiB). */
  maxMessageBytes: 6 * 1024 * 1024,
  /** Largest single Yjs update (a big paste or an offline session's catch-up). */
  maxUpdateBytes: 5 * 1024 * 1024,
  /**
   * Largest SyncStep2 a read-only connection may send. It is never applied, yet Hocuspocus
   * decodes it on the main thread to answer it (about 0.1 s of CPU per crafted megabyte); a
   * reader's provider sends only what was typed locally, which a read-only editor does not allow.
   */
  maxReadOnlySyncBytes: 64 * 1024,
  /** Largest document, counted as its stored bytes (snapshot plus update log). */
  maxDocumentBytes: 48 * 1024 * 1024,
  /**
   * Largest update decoded on the main thread (every keystroke, a pasted paragraph); a larger
   * one goes to a decoder thread. Decoding 4 KiB takes under a millisecond even when crafted.
   */
  mainThreadDecodeBytes: 4 * 1024,
  /** Time one update may take to decode before it is declared hostile. */
  decodeTimeoutMs: 2_000,
  /** Appends to the log before a compaction is requested. */
  updatesPerCompaction: 500,
  /**
   * A load that finds more updates than this after the snapshot compacts the document first
   * (the worker was down): applying the log costs about 2-3x loading its compacted state.
   */
  compactOnLoadAbove: 5_000,
  /**
   * How long before its access token expires a connection is asked for a fresh one (the
   * provider answers with its `token` function), at most; half of a short token's life.
   */
  tokenRefreshLeadMs: 60_000,
  /** How often connections' token expiries are looked at (a write is checked at once anyway). */
  sessionSweepMs: 1_000,
} as const;

/** WebSocket close codes (4000–4999 are the application's), with a readable reason. */
export const closeReasons = {
  updateTooLarge: { code: 4400, reason: 'update too large / bản cập nhật quá lớn' },
  malformedUpdate: { code: 4401, reason: 'malformed Yjs update / dữ liệu cập nhật không hợp lệ' },
  documentTooLarge: { code: 4402, reason: 'document size limit reached / văn kiện vượt giới hạn dung lượng' },
  schemaViolation: { code: 4422, reason: 'content outside the document schema / nội dung không đúng cấu trúc văn kiện' },
  documentLocked: { code: 4409, reason: 'document approved or under approval: read-only / văn kiện đã duyệt hoặc đang trình duyệt: chỉ đọc' },
  rightsChanged: { code: 4403, reason: 'access rights changed: reconnect / quyền truy cập đã thay đổi: hãy kết nối lại' },
  signedOut: { code: 4410, reason: 'signed out: the session has ended / đã đăng xuất: phiên làm việc đã kết thúc' },
  sessionExpired: { code: 4419, reason: 'access token expired and no fresh one was sent / mã truy cập hết hạn, không nhận được mã mới' },
  storageUnavailable: { code: 4503, reason: 'storage unavailable, reconnect later / không lưu được, hãy kết nối lại sau' },
} as const;
