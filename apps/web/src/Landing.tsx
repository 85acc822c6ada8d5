import { useEffect, useState } from 'react';
import { Link, navigate } from './router.ts';
import { useTheme } from './ui/useTheme.ts';
import './landing.css';

const FEATURES = [
  {
    title: 'A real editor',
    text: 'Candidates write JavaScript or TypeScript in a full browser IDE, run the samples and submit when ready.',
  },
  {
    title: 'Judged in a sandbox',
    text: 'Every submission runs against hidden tests with CPU and memory limits; scores are computed, not guessed.',
  },
  {
    title: 'Reviewed in context',
    text: 'Replay how the code was written, see every run and the proctoring timeline, and decide together.',
  },
];

/** `/`: a signed-in member of staff goes on to the console; everyone else sees what Assay is ([W20]). */
export function Landing() {
  const [checked, setChecked] = useState(false);
  const [theme, toggleTheme] = useTheme();
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
    <main className="landing" data-testid="landing">
      <header className="landing-top">
        <div className="page-brand landing-brand">
          <span className="brand-mark">A</span> Assay
        </div>
        <div className="landing-top-actions">
          <button type="button" className="btn btn-ghost btn-small" onClick={toggleTheme}>
            {theme === 'dark' ? '☀ Light' : '☾ Dark'}
          </button>
          <Link className="btn btn-secondary btn-small" href="/login">
            Sign in
          </Link>
        </div>
      </header>
      <section className="landing-hero">
        <p className="eyebrow">Coding assessments</p>
        <h1>Hire engineers on the code they write.</h1>
        <p className="lead">
          Timed tasks in a browser IDE, judged in a sandbox against hidden tests, and reviewed with the whole story of
          each attempt.
        </p>
        <div className="landing-cta">
          <Link className="btn btn-primary btn-large" href="/login">
            Staff sign in
          </Link>
        </div>
        <div className="landing-candidate">
          <strong>Taking an assessment?</strong> Open the link from your invitation email. Your time starts only when
          you press Start.
        </div>
      </section>
      <section className="landing-features" aria-label="What Assay does">
        {FEATURES.map((feature) => (
          <div className="landing-feature" key={feature.title}>
            <h2>{feature.title}</h2>
            <p className="muted">{feature.text}</p>
          </div>
        ))}
      </section>
    </main>
  );
}
