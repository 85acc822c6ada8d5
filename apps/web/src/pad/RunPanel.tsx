import type { PadRun } from '@assay/contracts';
import { useEffect, useState } from 'react';
import { VerdictBadge, verdictTone } from '../ui/verdicts.tsx';

type PadRunTest = PadRun['tests'][number];

function Field({ label, value }: { label: string; value: string | undefined }) {
  if (value === undefined || value === '') return null;
  return (
    <div className="field">
      <div className="field-label">{label}</div>
      <pre className="field-value mono">{value}</pre>
    </div>
  );
}

const shortTime = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
const time = (iso: string) =>
  new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });

function TestCard({ test, index }: { test: PadRunTest; index: number }) {
  const title =
    test.kind === 'program' ? 'Program' : test.kind === 'custom' ? `Custom input ${index + 1}` : `Sample ${index + 1}`;
  return (
    <details
      className={`test-card tone-${verdictTone(test.verdict)}`}
      open={test.kind !== 'sample' || test.verdict !== 'accepted'}
    >
      <summary>
        {test.kind !== 'sample' && test.verdict === 'accepted' ? (
          <span className="badge badge-ok">Ran</span>
        ) : (
          <VerdictBadge verdict={test.verdict} />
        )}
        <span className="test-title">{title}</span>
        <span className="muted">{test.cpuMs} ms CPU</span>
      </summary>
      <Field label="Input" value={test.input} />
      <Field label="Expected" value={test.expected} />
      <Field label={test.kind === 'program' ? 'Returned value' : 'Returned'} value={test.actual} />
      <Field label="Console output" value={test.output} />
      <Field label="Error" value={test.message} />
    </details>
  );
}

/** One run as every participant sees it ([W49]): who ran it, its state, each test, compile errors. */
export function RunResult({ run }: { run: PadRun }) {
  if (run.status !== 'done') {
    return (
      <div className="pending" role="status" data-testid="run-pending">
        <span className="spinner" aria-hidden="true" />
        {run.status === 'queued' ? 'Queued' : 'Running'} · run by {run.by}
      </div>
    );
  }
  const samples = run.tests.filter((t) => t.kind === 'sample');
  const passed = samples.filter((t) => t.verdict === 'accepted').length;
  return (
    <div data-testid="run-result" data-run={run.id}>
      <div className="pad-run-head">
        {run.verdict && <VerdictBadge verdict={run.verdict} />}
        <span>
          Run by <strong data-testid="run-by">{run.by}</strong>
        </span>
        <span className="muted">{time(run.finishedAt ?? run.createdAt)}</span>
      </div>
      {run.compileError && (
        <div className="callout callout-bad">
          <strong>Does not compile</strong> (line {run.compileError.line}, column {run.compileError.column}):{' '}
          {run.compileError.message}
        </div>
      )}
      {samples.length > 0 && (
        <div className={`summary tone-${passed === samples.length ? 'ok' : 'bad'}`}>
          {passed}/{samples.length} samples passed
        </div>
      )}
      <div className="test-cards">
        {run.tests.map((t, i) => (
          <TestCard key={t.id} test={t} index={run.tests.slice(0, i).filter((x) => x.kind === t.kind).length} />
        ))}
      </div>
    </div>
  );
}

/**
 * The run panel ([W49]): the selected run (the latest by default, so a run anyone starts shows here for
 * everyone) and the pad's run history.
 */
export function RunPanel(props: {
  runs: PadRun[];
  sending: boolean;
  error: string | undefined;
  blankHint: string | undefined;
}) {
  const [picked, setPicked] = useState<string>();
  const latestId = props.runs[0]?.id;
  // A new run replaces an older one picked from the history: it is what everyone is looking at.
  // biome-ignore lint/correctness/useExhaustiveDependencies: resets when the latest run changes, by design
  useEffect(() => setPicked(undefined), [latestId]);
  const selected = props.runs.find((r) => r.id === picked) ?? props.runs[0];
  return (
    <section className="results pad-runs" aria-label="Runs" data-testid="run-panel">
      <div className="tabs">
        <span className="tab active">Output</span>
        <span className="spacer" />
        {props.runs.length > 0 && (
          <label className="pad-history small">
            <span className="muted">History</span>
            <select
              value={selected?.id ?? ''}
              onChange={(e) => setPicked(e.target.value)}
              data-testid="run-history"
              aria-label="Run history"
            >
              {props.runs.map((r, i) => (
                <option key={r.id} value={r.id}>
                  #{props.runs.length - i} · {r.by} · {shortTime(r.createdAt)} ·{' '}
                  {r.status === 'done' ? (r.verdict ?? 'done').replaceAll('_', ' ') : r.status}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <div className="results-body">
        {props.error && <div className="callout callout-bad">{props.error}</div>}
        {props.sending && (
          <div className="pending" role="status">
            <span className="spinner" aria-hidden="true" />
            Sending…
          </div>
        )}
        {selected ? (
          <RunResult run={selected} />
        ) : (
          !props.sending && (
            <p className="empty">
              {props.blankHint ?? 'Run the code against the sample tests: everyone in the pad sees the result.'}
            </p>
          )
        )}
      </div>
    </section>
  );
}
