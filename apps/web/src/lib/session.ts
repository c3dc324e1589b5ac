// The signed-in session: access and refresh tokens, kept in localStorage so that a reload or a
// second tab stays signed in. Refresh tokens are single use (a reused one revokes the whole
// family), so tabs refresh one at a time under a Web Lock and adopt what another tab got.

export interface StoredSession {
  accessToken: string;
  refreshToken: string;
  /** epoch ms when the access token expires */
  expiresAt: number;
}

interface TokenPair {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
}

const KEY = 'vankien.session';
/** refresh this long before the access token expires */
const MARGIN_MS = 60_000;

type Listener = (session: StoredSession | null, reason?: 'expired') => void;
const listeners = new Set<Listener>();

export function readSession(): StoredSession | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as StoredSession) : null;
  } catch {
    return null;
  }
}

const EXPIRED_KEY = 'vankien.sessionExpired';

/** The last session of this tab ended because it expired or was refused (not by signing out). */
export function sessionExpired(): boolean {
  try {
    return sessionStorage.getItem(EXPIRED_KEY) === '1';
  } catch {
    return false;
  }
}

function writeSession(session: StoredSession | null, reason?: 'expired'): void {
  if (session) localStorage.setItem(KEY, JSON.stringify(session));
  else localStorage.removeItem(KEY);
  if (reason === 'expired') sessionStorage.setItem(EXPIRED_KEY, '1');
  else sessionStorage.removeItem(EXPIRED_KEY);
  for (const listener of listeners) listener(session, reason);
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// another tab signed in or out
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === KEY) for (const listener of listeners) listener(readSession());
  });
}

export function fromTokenPair(pair: TokenPair): StoredSession {
  return { accessToken: pair.accessToken, refreshToken: pair.refreshToken, expiresAt: Date.now() + pair.expiresIn * 1000 };
}

export function startSession(pair: TokenPair): void {
  writeSession(fromTokenPair(pair));
}

export function endSession(reason?: 'expired'): void {
  writeSession(null, reason);
}

async function withRefreshLock<T>(run: () => Promise<T>): Promise<T> {
  if (typeof navigator !== 'undefined' && navigator.locks) return navigator.locks.request('vankien-refresh', run);
  return run();
}

let inFlight: Promise<StoredSession | null> | null = null;

/**
 * A fresh session: exchanges the refresh token once (one request at a time across tabs). Null when
 * the session is refused or expired (the caller shows the expired-session page).
 */
export function refreshSession(stale?: string): Promise<StoredSession | null> {
  inFlight ??= withRefreshLock(async () => {
    const current = readSession();
    if (!current) return null;
    // another tab (or an earlier call) already refreshed
    if (current.accessToken !== stale && current.expiresAt - Date.now() > MARGIN_MS) return current;
    const response = await fetch('/api/auth/refresh', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ refreshToken: current.refreshToken }),
    }).catch(() => null);
    if (!response) return current; // offline: keep the session, try again later
    if (!response.ok) {
      endSession('expired');
      return null;
    }
    const next = fromTokenPair((await response.json()) as TokenPair);
    writeSession(next);
    return next;
  }).finally(() => {
    inFlight = null;
  });
  return inFlight;
}

/** The access token to send now, refreshed first when it is about to expire. */
export async function accessToken(): Promise<string | null> {
  const session = readSession();
  if (!session) return null;
  if (session.expiresAt - Date.now() > MARGIN_MS) return session.accessToken;
  const fresh = await refreshSession(session.accessToken);
  return fresh?.accessToken ?? null;
}

let timer: ReturnType<typeof setTimeout> | undefined;
/** Refreshes silently shortly before each expiry while the app is open. */
export function keepSessionFresh(): () => void {
  const schedule = (): void => {
    clearTimeout(timer);
    const session = readSession();
    if (!session) return;
    const wait = Math.max(5_000, session.expiresAt - Date.now() - MARGIN_MS);
    timer = setTimeout(() => void refreshSession(session.accessToken).then(schedule), wait);
  };
  schedule();
  const unsubscribe = onSessionChange(schedule);
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
