import type { InvitationSummary } from '@assay/contracts';
import { languageDefinition } from '@assay/judge/languages';
import { lazy, Suspense, useState } from 'react';
import { Page } from '../ui/Page.tsx';

// The description is Markdown ([W31]); its renderer loads beside the page, which shows the text meanwhile.
const MarkdownBlock = lazy(() => import('./StatementPanel.tsx').then((m) => ({ default: m.MarkdownBlock })));

export function InvitationPage(props: { invitation: InvitationSummary; onContinue: () => Promise<void> }) {
  const { invitation } = props;
  const [consent, setConsent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const proctored = invitation.proctoring.recordEvents || invitation.proctoring.fullscreen;

  return (
    <Page testId="invitation">
      <div className="card hero">
        <p className="eyebrow">Coding assessment for {invitation.candidateName}</p>
        <h1>{invitation.title}</h1>
        {invitation.description && (
          <Suspense fallback={<p className="lead">{invitation.description}</p>}>
            <MarkdownBlock markdown={invitation.description} className="lead" />
          </Suspense>
        )}
        <dl className="facts">
          <div>
            <dt>Duration</dt>
            <dd>{invitation.durationMinutes} minutes</dd>
          </div>
          <div>
            <dt>Tasks</dt>
            <dd>{invitation.taskCount}</dd>
          </div>
          <div>
            <dt>Languages</dt>
            <dd>{invitation.languages.map((l) => languageDefinition(l).label).join(', ')}</dd>
          </div>
        </dl>
      </div>

      <section className="card">
        <h2>Before you start</h2>
        <ul className="rules">
          <li>
            The timer starts when you press <strong>Start</strong> and runs on our server: closing the tab or losing
            your connection does not stop it. Reopen this link to continue where you left off.
          </li>
          <li>Your code is saved as you type. When time runs out, your last saved code is submitted for you.</li>
          <li>
            <strong>Run</strong> checks your code against the sample tests; <strong>Submit</strong> runs the hidden
            tests. Each task is scored by the share of hidden tests your best submission passes.
          </li>
          <li>Work on your own. You may consult language documentation.</li>
        </ul>
      </section>

      {proctored && (
        <section className="card notice" data-testid="proctoring-notice">
          <h2>What is recorded</h2>
          <p>To keep the assessment fair, this page records, with the time:</p>
          <ul>
            {invitation.proctoring.recordEvents && (
              <>
                <li>when you switch away from this tab or window, and come back;</li>
                <li>when you paste (how many characters, and whether they came from outside the editor) or copy;</li>
              </>
            )}
            {invitation.proctoring.fullscreen && <li>when you leave or re-enter fullscreen.</li>}
          </ul>
          <p className="muted">
            Nothing else is recorded: no camera, microphone or screen capture. You will see a short notice whenever
            something is recorded.
          </p>
        </section>
      )}

      <label className="consent">
        <input type="checkbox" data-testid="consent" checked={consent} onChange={(e) => setConsent(e.target.checked)} />
        <span>I have read the rules{proctored ? ' and agree to the recording described above' : ''}.</span>
      </label>
      {error && <div className="callout callout-bad">{error}</div>}
      <div className="actions">
        <button
          type="button"
          className="btn btn-primary btn-large"
          data-testid="continue"
          disabled={!consent || busy}
          onClick={async () => {
            setBusy(true);
            setError(undefined);
            try {
              await props.onContinue();
            } catch (e) {
              setError((e as Error).message);
              setBusy(false);
            }
          }}
        >
          Continue to system check
        </button>
      </div>
    </Page>
  );
}
