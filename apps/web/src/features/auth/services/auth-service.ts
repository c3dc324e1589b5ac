import type { Me, TokenPair } from '../../../lib/api-types';
import { api } from '../../../lib/http';
import { endSession, readSession, startSession } from '../../../lib/session';

export async function signIn(email: string, password: string): Promise<void> {
  startSession(await api.post<TokenPair>('/auth/login', { email, password }));
}

export async function signOut(): Promise<void> {
  const session = readSession();
  try {
    if (session) await api.post('/auth/logout', { refreshToken: session.refreshToken });
  } finally {
    endSession();
  }
}

export const fetchMe = (): Promise<Me> => api.get<Me>('/me');
