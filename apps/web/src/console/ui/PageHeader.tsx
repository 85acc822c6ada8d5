import type { ReactNode } from 'react';
import { Link } from '../../router.ts';

/** The head of a console page: breadcrumbs, title, a line under it and the page's main actions. */
export function PageHeader(props: {
  title: ReactNode;
  subtitle?: ReactNode;
  crumbs?: { label: string; href: string }[];
  actions?: ReactNode;
}) {
  return (
    <header className="page-header">
      <div className="page-header-text">
        {props.crumbs && props.crumbs.length > 0 && (
          <nav className="crumbs" aria-label="Breadcrumbs">
            {props.crumbs.map((crumb) => (
              <span key={crumb.href}>
                <Link href={crumb.href}>{crumb.label}</Link>
                <span aria-hidden="true"> / </span>
              </span>
            ))}
          </nav>
        )}
        <h1>{props.title}</h1>
        {props.subtitle && <p className="muted page-subtitle">{props.subtitle}</p>}
      </div>
      {props.actions && <div className="page-header-actions">{props.actions}</div>}
    </header>
  );
}
