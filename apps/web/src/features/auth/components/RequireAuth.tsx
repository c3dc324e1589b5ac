import { useEffect, useState, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { keepSessionFresh, onSessionChange, readSession, sessionExpired } from '../../../lib/session';

/** Screens behind sign-in: without a session, the login page; when it expired or was refused, the expired page. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const location = useLocation();
  const current = (): 'active' | 'none' | 'expired' => (readSession() ? 'active' : sessionExpired() ? 'expired' : 'none');
  const [session, setSession] = useState(current);
  useEffect(() => keepSessionFresh(), []);
  useEffect(() => {
    const unsubscribe = onSessionChange((next, reason) => setSession(next ? 'active' : reason === 'expired' ? 'expired' : 'none'));
    // a session that ended between the first render and this subscription
    setSession(current());
    return unsubscribe;
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  if (session === 'expired') return <Navigate to="/session-expired" replace />;
  if (session === 'none') return <Navigate to="/login" replace state={{ from: location.pathname + location.search + location.hash }} />;
  return <>{children}</>;
}
