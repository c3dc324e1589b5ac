import { useEffect, useState, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { keepSessionFresh, onSessionChange, readSession } from '../../../lib/session';

/** Screens behind sign-in: without a session, the login page; when it expired or was refused, the expired page. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const location = useLocation();
  const [session, setSession] = useState<'active' | 'none' | 'expired'>(() => (readSession() ? 'active' : 'none'));
  useEffect(() => keepSessionFresh(), []);
  useEffect(() => onSessionChange((next, reason) => setSession(next ? 'active' : reason === 'expired' ? 'expired' : 'none')), []);
  if (session === 'expired') return <Navigate to="/session-expired" replace />;
  if (session === 'none') return <Navigate to="/login" replace state={{ from: location.pathname + location.search + location.hash }} />;
  return <>{children}</>;
}
