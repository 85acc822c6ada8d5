import type { AttemptView, ErrorCode, InvitationSummary } from '@assay/contracts';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { ApiError, api } from '../api/client.ts';
import { Page } from '../ui/Page.tsx';
import { FinishedPage } from './FinishedPage.tsx';
import { InvitationPage } from './InvitationPage.tsx';
import { SystemCheck } from './SystemCheck.tsx';

// The workspace (Markdown, the editor's shell) loads after the candidate opens the link.
const Workspace = lazy(() => import('./Workspace.tsx').then((m) => ({ default: m.Workspace })));

type Phase =
  | { name: 'loading' }
  | { name: 'unavailable'; title: string; message: string }
  | { name: 'welcome'; invitation: InvitationSummary }
  | { name: 'check'; invitation: InvitationSummary }
  | { name: 'workspace'; view: AttemptView }
  | { name: 'finished'; view: AttemptView };

/** API messages are clauses ("this invitation expired on …"); on a page of their own they are sentences. */
const sentence = (text: string) => {
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
};

function unavailable(error: unknown): Phase {
  if (error instanceof ApiError && error.status === 410) {
    // [A91] A revoked invitation is a 410 too, with its own code: it did not expire, it was withdrawn.
    // (The literal, type-checked against ErrorCode, keeps zod out of the candidate's first screen.)
    const revoked: ErrorCode = 'API_ERR_INVITATION_REVOKED';
    const title = error.code === revoked ? 'This invitation was withdrawn' : 'This invitation has expired';
    return { name: 'unavailable', title, message: sentence(error.message) };
  }
  if (error instanceof ApiError && error.status === 404) {
    return {
      name: 'unavailable',
      title: 'This link does not open an assessment',
      message: `${sentence(error.message)} Check that you copied the whole link from your invitation, or ask the person who sent it for a new one.`,
    };
  }
  return {
    name: 'unavailable',
    title: 'The assessment could not be loaded',
    message: `${sentence((error as Error).message)} Reload the page to try again; your work is safe.`,
  };
}

/** The candidate's journey from the invitation link: welcome and consent, system check, work, results. */
export function CandidateApp({ token }: { token: string }) {
  const [phase, setPhase] = useState<Phase>({ name: 'loading' });

  // The invitation's token opens a session cookie; the answer is the attempt as it stands.
  const openSession = useCallback(
    () => api<AttemptView>('POST', `/api/invitations/${encodeURIComponent(token)}/session`),
    [token],
  );

  const open = useCallback(async () => {
    const view = await openSession();
    setPhase(view.attempt.status === 'finished' ? { name: 'finished', view } : { name: 'workspace', view });
    return view;
  }, [openSession]);

  useEffect(() => {
    api<InvitationSummary>('GET', `/api/invitations/${encodeURIComponent(token)}`)
      .then((invitation) => {
        if (invitation.status === 'not_started') setPhase({ name: 'welcome', invitation });
        // Started already: straight back to work, with the clock still running (resume).
        else return open().then(() => undefined);
      })
      .catch((error: unknown) => setPhase(unavailable(error)));
  }, [token, open]);

  useEffect(() => {
    if (phase.name === 'welcome' || phase.name === 'check') document.title = `${phase.invitation.title} · Assay`;
    if (phase.name === 'workspace' || phase.name === 'finished')
      document.title = `${phase.view.assessment.title} · Assay`;
  }, [phase]);

  switch (phase.name) {
    case 'loading':
      return <div className="center-screen muted">Loading your assessment…</div>;
    case 'unavailable':
      return (
        <Page testId="unavailable">
          <div className="card">
            <h1>{phase.title}</h1>
            <p>{phase.message}</p>
          </div>
        </Page>
      );
    case 'welcome':
      return (
        <InvitationPage
          invitation={phase.invitation}
          onContinue={async () => {
            // The session is opened here so the system check can test the live connection.
            await openSession();
            setPhase({ name: 'check', invitation: phase.invitation });
          }}
        />
      );
    case 'check':
      return (
        <SystemCheck
          invitation={phase.invitation}
          onStart={async () => {
            const view = await api<AttemptView>('POST', '/api/attempt/start');
            setPhase({ name: 'workspace', view });
          }}
        />
      );
    case 'workspace':
      return (
        <Suspense fallback={<div className="center-screen muted">Opening the workspace…</div>}>
          <Workspace view={phase.view} onFinished={(view) => setPhase({ name: 'finished', view })} />
        </Suspense>
      );
    case 'finished':
      return <FinishedPage view={phase.view} />;
  }
}
