import { useEffect, useState, type ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { keepSessionFresh, onSessionChange, readSession } from '../../../lib/session';

/** Screens behind sign-in: without a session, the login page; when it expires, the expired page. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const location = useLocation();
  const navigate = useNavigate();
  const [signedIn, setSignedIn] = useState(() => readSession() !== null);
  useEffect(() => keepSessionFresh(), []);
  useEffect(
    () =>
      onSessionChange((session, reason) => {
        setSignedIn(session !== null);
        if (!session) void navigate(reason === 'expired' ? '/session-expired' : '/login', { replace: true });
      }),
    [navigate],
  );
  if (!signedIn) return <Navigate to="/login" replace state={{ from: location.pathname + location.search + location.hash }} />;
  return <>{children}</>;
}
