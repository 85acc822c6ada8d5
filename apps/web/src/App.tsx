import { lazy, Suspense } from 'react';
import { CandidateApp } from './candidate/CandidateApp.tsx';
import { Landing } from './Landing.tsx';
import { JoinPadPage } from './pad/JoinPadPage.tsx';
import { matchPath, usePath } from './router.ts';

// The staff console is its own chunk: a candidate's first screen never loads it ([W20]).
const ConsoleApp = lazy(() => import('./console/ConsoleApp.tsx'));
// The live interview pad ([W45]): its own chunk, with the collaboration layer.
const PadPage = lazy(() => import('./pad/PadPage.tsx').then((m) => ({ default: m.PadPage })));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Client-side routes: an invitation link opens the candidate's assessment; staff pages open the console. */
export function App() {
  const path = usePath();
  const invitation = matchPath('/a/:token', path);
  if (invitation?.token) return <CandidateApp token={invitation.token} />;
  // Issue 12: a live pad's candidate link ([W42]); the pad itself (`/pad/:id`) is the pad page's.
  const padLink = matchPath('/pad/join/:token', path);
  if (padLink?.token) return <JoinPadPage token={padLink.token} />;
  const pad = matchPath('/pad/:id', path);
  if (pad?.id && UUID.test(pad.id))
    return (
      <Suspense fallback={<div className="center-screen muted">Opening the pad…</div>}>
        <PadPage padId={pad.id} />
      </Suspense>
    );
  if (matchPath('/login', path) || matchPath('/admin/*', path) || matchPath('/admin', path))
    return (
      <Suspense fallback={<div className="center-screen muted">Loading the console…</div>}>
        <ConsoleApp />
      </Suspense>
    );
  return <Landing />;
}
