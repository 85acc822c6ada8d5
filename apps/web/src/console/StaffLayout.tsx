import { type ReactNode, useEffect } from 'react';
import { Link, usePath } from '../router.ts';
import type { Theme } from '../ui/useTheme.ts';
import { NAV_SECTIONS } from './consoleRoutes.ts';
import { NavIcon } from './NavIcon.tsx';
import { initials } from './ui/initials.ts';
import { useStaff } from './useStaff.ts';

/** The console's frame: navigation on the left, the signed-in person and sign-out, the page. */
export function StaffLayout(props: { theme: Theme; onToggleTheme(): void; title: string; children: ReactNode }) {
  const { user, signOut } = useStaff();
  const path = usePath();
  useEffect(() => {
    document.title = `${props.title} · Assay`;
  }, [props.title]);

  return (
    <div className="console" data-testid="console">
      <aside className="console-nav">
        <Link className="console-brand" href="/admin">
          <span className="brand-mark">A</span> Assay
        </Link>
        <nav aria-label="Console">
          {NAV_SECTIONS.filter((section) => !section.roles || section.roles.includes(user.role)).map((section) => {
            const active = section.pages.test(path);
            return (
              <Link
                key={section.href}
                href={section.href}
                className={`console-nav-item${active ? ' active' : ''}`}
                aria-current={active ? 'page' : undefined}
              >
                <NavIcon href={section.href} />
                {section.label}
              </Link>
            );
          })}
        </nav>
        <div className="console-user">
          <div className="console-user-id" title={user.email}>
            <span className="console-avatar" aria-hidden="true">
              {initials(user.name)}
            </span>
            <div className="console-user-text">
              <div className="console-user-name">{user.name}</div>
              <div className="muted small">
                {user.role === 'admin' ? 'Admin' : 'Interviewer'} · {user.email}
              </div>
            </div>
          </div>
          <div className="console-user-actions">
            <button type="button" className="btn btn-ghost btn-small" onClick={props.onToggleTheme}>
              {props.theme === 'dark' ? '☀ Light' : '☾ Dark'}
            </button>
            <button type="button" className="btn btn-small console-signout" onClick={() => void signOut()}>
              Sign out
            </button>
          </div>
        </div>
      </aside>
      <main className="console-main">{props.children}</main>
    </div>
  );
}
