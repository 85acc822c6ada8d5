import { lazy, Suspense, useEffect, useState } from 'react';
import { CandidateApp } from './candidate/CandidateApp.tsx';
import { Link, matchPath, navigate, usePath } from './router.ts';
import { Page } from './ui/Page.tsx';

// The staff console is its own chunk: a candidate's first screen never loads it ([W20]).
const ConsoleApp = lazy(() => import('./console/ConsoleApp.tsx'));

/** Client-side routes: an invitation link opens the candidate's assessment; staff pages open the console. */
export function App() {
  const path = usePath();
  const invitation = matchPath('/a/:token', path);
  if (invitation?.token) return <CandidateApp token={invitation.token} />;
  if (matchPath('/login', path) || matchPath('/admin/*', path) || matchPath('/admin', path))
    return (
      <Suspense fallback={<div className="center-screen muted">Loading the console…</div>}>
        <ConsoleApp />
      </Suspense>
    );
  return <Landing />;
}

/** `/`: a signed-in member of staff goes on to the console; everyone else sees what Assay is. */
function Landing() {
  const [checked, setChecked] = useState(false);
  useEffect(() => {
    let live = true;
    fetch('/api/auth/me', { credentials: 'same-origin' })
      .then((response) => {
        if (!live) return;
        if (response.ok) navigate('/admin', { replace: true });
        else setChecked(true);
      })
      .catch(() => live && setChecked(true));
    return () => {
      live = false;
    };
  }, []);
  if (!checked) return null;
  return (
    <Page testId="landing">
      <div className="card hero">
        <h1>Assay</h1>
        <p className="lead">Coding assessments: timed tasks in a browser IDE, judged in a sandbox, scored fairly.</p>
        <p>Candidates: open the link from your invitation email. Your assessment starts only when you start it.</p>
        <div className="actions">
          <Link className="btn btn-primary" href="/login">
            Staff sign in
          </Link>
        </div>
      </div>
    </Page>
  );
}
