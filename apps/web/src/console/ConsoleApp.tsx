import type { StaffUser, StaffUserResponse } from '@assay/contracts';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, api } from '../api/client.ts';
import { matchPath, navigate, usePath } from '../router.ts';
import { useTheme } from '../ui/useTheme.ts';
import { CONSOLE_ROUTES } from './consoleRoutes.ts';
import { LoginPage } from './LoginPage.tsx';
import { StaffLayout } from './StaffLayout.tsx';
import { StaffContext, type StaffSession } from './useStaff.ts';
import './console.css';

/** The staff console: `/login` and every `/admin/…` page, behind a staff session. */
export default function ConsoleApp() {
  const path = usePath();
  const [theme, toggleTheme] = useTheme();
  const [user, setUser] = useState<StaffUser | null | undefined>(undefined);
  // Set when the API stopped knowing a session this page had (deactivated, signed out elsewhere, expired).
  const [ended, setEnded] = useState(false);
  const signedInRef = useRef(false);
  signedInRef.current = Boolean(user);

  const refresh = useCallback(async () => {
    try {
      const { user: next } = await api<StaffUserResponse>('GET', '/api/auth/me');
      setUser((previous) => (previous && sameUser(previous, next) ? previous : next));
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) throw error;
      if (signedInRef.current) setEnded(true);
      setUser(null);
    }
  }, []);
  useEffect(() => {
    refresh().catch(() => setUser(null));
  }, [refresh]);
  // [W21] Every navigation asks again who is signed in: a member deactivated (or whose role changed)
  // meanwhile lands on sign-in (or sees the navigation of their new role) at their next click.
  const signedIn = Boolean(user);
  useEffect(() => {
    if (signedIn && path.startsWith('/admin')) refresh().catch(() => undefined);
  }, [signedIn, path, refresh]);

  const signOut = useCallback(async () => {
    await api('POST', '/api/auth/logout').catch(() => undefined);
    setUser(null);
    navigate('/login', { replace: true });
  }, []);

  const session = useMemo<StaffSession | null>(
    () => (user ? { user, refresh, signOut } : null),
    [user, refresh, signOut],
  );
  const isLogin = matchPath('/login', path) !== null;

  useEffect(() => {
    if (user === null && !isLogin) navigate(`/login?next=${encodeURIComponent(path)}`, { replace: true });
    if (user && isLogin) navigate(safeNext(new URLSearchParams(location.search).get('next')), { replace: true });
    if (user && matchPath('/admin', path)) navigate('/admin/assessments', { replace: true });
  }, [user, isLogin, path]);

  if (user === undefined) return <div className="center-screen muted">Loading…</div>;
  if (isLogin || !session)
    return (
      <LoginPage
        theme={theme}
        onToggleTheme={toggleTheme}
        sessionEnded={ended}
        onSignedIn={(signedIn) => {
          setEnded(false);
          setUser(signedIn);
        }}
      />
    );

  const found = findRoute(path);
  return (
    <StaffContext.Provider value={session}>
      <StaffLayout theme={theme} onToggleTheme={toggleTheme} title={found?.route.title ?? 'Not found'}>
        {!found ? (
          <NotFound />
        ) : found.route.roles && !found.route.roles.includes(session.user.role) ? (
          <NotAllowed roles={found.route.roles} />
        ) : (
          found.route.render(found.params)
        )}
      </StaffLayout>
    </StaffContext.Provider>
  );
}

function findRoute(path: string) {
  for (const route of CONSOLE_ROUTES) {
    const params = matchPath(route.path, path);
    if (params) return { route, params };
  }
  return null;
}

function sameUser(a: StaffUser, b: StaffUser): boolean {
  return a.id === b.id && a.email === b.email && a.name === b.name && a.role === b.role;
}

/** Only a path inside the console: `?next=https://evil.example` must not send anyone away. */
function safeNext(next: string | null): string {
  return next && /^\/admin(\/|$|\?)/.test(next) ? next : '/admin';
}

function NotFound() {
  return (
    <div className="empty-state" data-testid="not-found">
      <h2>This page does not exist</h2>
      <p className="muted">The link may be mistyped, or what it pointed to was removed.</p>
    </div>
  );
}

function NotAllowed({ roles }: { roles: StaffUser['role'][] }) {
  return (
    <div className="empty-state" data-testid="not-allowed" role="alert">
      <h2>You do not have access to this page</h2>
      <p className="muted">
        It is for {roles.map((role) => `${role}s`).join(' and ')}. Ask an admin of your team if you need it.
      </p>
    </div>
  );
}
