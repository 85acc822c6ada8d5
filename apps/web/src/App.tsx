import { CandidateApp } from './candidate/CandidateApp.tsx';
import { Page } from './ui/Page.tsx';

/** Client-side routes: an invitation link opens the candidate's assessment; anything else, the home page. */
export function App() {
  const invitation = /^\/a\/([^/]+)\/?$/.exec(location.pathname);
  if (invitation?.[1]) return <CandidateApp token={decodeURIComponent(invitation[1])} />;
  return (
    <Page>
      <div className="card hero">
        <h1>Assay</h1>
        <p className="lead">Coding assessments: timed tasks in a browser IDE, judged in a sandbox, scored fairly.</p>
        <p>
          Candidates: open the link from your invitation email. Admins: the API and its documentation are at{' '}
          <a href="/docs">/docs</a>.
        </p>
      </div>
    </Page>
  );
}
