import type { Submission, Task, TestResult } from '../api/types.ts';
import { VerdictBadge, verdictLabel, verdictTone } from '../ui/verdicts.tsx';

export type PanelTab = 'tests' | 'submission' | 'custom';

interface Props {
  task: Task;
  tab: PanelTab;
  onTab: (tab: PanelTab) => void;
  sampleRun: Submission | undefined;
  customRun: Submission | undefined;
  submission: Submission | undefined;
  customInput: string;
  onCustomInput: (text: string) => void;
  customError: string | undefined;
}

const VERDICT_MARK = { ok: '✓', bad: '✕', warn: '!' } as const;

const ms = (x: number) => `${x < 10 ? x.toFixed(1) : Math.round(x)} ms`;

function Pending({ submission }: { submission: Submission }) {
  return (
    <div className="pending" data-testid="pending">
      <span className="spinner" aria-hidden="true" />
      {submission.status === 'queued' ? 'Queued…' : 'Running…'}
    </div>
  );
}

function Field({ label, value, mono = true }: { label: string; value: string | undefined; mono?: boolean }) {
  if (value === undefined || value === '') return null;
  return (
    <div className="field">
      <div className="field-label">{label}</div>
      <pre className={mono ? 'field-value mono' : 'field-value'}>{value}</pre>
    </div>
  );
}

function TestCard({ test, title }: { test: TestResult; title: string }) {
  return (
    // A custom test has no expected value: its answer is the point, so it is always open.
    <details
      className={`test-card tone-${verdictTone(test.verdict)}`}
      open={test.kind === 'custom' || test.verdict !== 'accepted'}
    >
      <summary>
        {test.kind === 'custom' && test.verdict === 'accepted' ? (
          <span className="badge badge-ok">Ran</span>
        ) : (
          <VerdictBadge verdict={test.verdict} />
        )}
        <span className="test-title">{title}</span>
        {test.output && <span className="badge badge-neutral">console</span>}
        <span className="muted">{ms(test.wallMs)}</span>
      </summary>
      <Field label="Input" value={test.input} />
      <Field label="Expected" value={test.expected} />
      <Field label="Your answer" value={test.actual} />
      <Field label={test.outputTruncated ? 'Console output (truncated)' : 'Console output'} value={test.output} />
      <Field label="Error" value={[test.message, test.stack].filter(Boolean).join('\n')} />
    </details>
  );
}

function CompileError({ submission }: { submission: Submission }) {
  const error = submission.report?.compileError;
  if (!error) return null;
  return (
    <div className="callout callout-bad">
      <strong>Your code does not compile</strong> (line {error.line}, column {error.column}): {error.message}
    </div>
  );
}

function RunResults({ run, kind }: { run: Submission | undefined; kind: 'sample' | 'custom' }) {
  if (!run) {
    return (
      <p className="empty">
        {kind === 'sample'
          ? 'Run your code against the sample tests with Run (Ctrl + \u2019).'
          : 'Write your own inputs above and press Run custom input.'}
      </p>
    );
  }
  if (run.status !== 'done') return <Pending submission={run} />;
  const tests = run.report?.tests.filter((t) => t.kind === kind) ?? [];
  return (
    <div data-testid={kind === 'sample' ? 'run-results' : 'custom-results'}>
      <CompileError submission={run} />
      {run.report?.message && <div className="callout callout-bad">{run.report.message}</div>}
      {tests.map((t, i) => (
        <TestCard key={t.id} test={t} title={kind === 'sample' ? `Sample ${i + 1}` : `Custom test ${i + 1}`} />
      ))}
    </div>
  );
}

function SubmissionResult({ submission }: { submission: Submission | undefined }) {
  if (!submission) {
    return <p className="empty">Submit (Ctrl + Enter) to run the hidden tests. Your best submission counts.</p>;
  }
  if (submission.status !== 'done' || !submission.report) return <Pending submission={submission} />;
  const { report } = submission;
  const hidden = report.tests.filter((t) => t.kind === 'hidden');
  const passed = hidden.filter((t) => t.verdict === 'accepted').length;
  return (
    <div data-testid="submission-result">
      <div className={`summary tone-${verdictTone(report.verdict)}`}>
        <VerdictBadge verdict={report.verdict} />
        <span data-testid="submission-passed">
          {passed} / {hidden.length} hidden tests passed
        </span>
        <span className="summary-score">Score {Math.round(report.score * 100)}%</span>
        {submission.automatic && <span className="muted">submitted automatically</span>}
      </div>
      <CompileError submission={submission} />
      <div className="test-grid">
        {hidden.map((t, i) => (
          <div
            key={t.id}
            className={`test-chip tone-${verdictTone(t.verdict)}`}
            title={`Hidden test ${i + 1}: ${verdictLabel(t.verdict)} · ${ms(t.wallMs)}`}
          >
            <span className="chip-n">#{i + 1}</span>
            <span className="chip-v" aria-hidden="true">
              {VERDICT_MARK[verdictTone(t.verdict)]}
            </span>
            <span className="sr-only">{verdictLabel(t.verdict)}</span>
            <span className="muted">{ms(t.wallMs)}</span>
          </div>
        ))}
      </div>
      <p className="muted small">Hidden tests show their verdict and time only, never their inputs.</p>
    </div>
  );
}

export function ResultsPanel(props: Props) {
  const { task } = props;
  const params = task.signature.params.map((p) => p.name).join(', ');
  const tabs: [PanelTab, string][] = [
    ['tests', 'Sample tests'],
    ['custom', 'Custom input'],
    ['submission', 'Submission'],
  ];
  return (
    <section className="results" aria-label="Results">
      <div className="tabs" role="tablist">
        {tabs.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={props.tab === id}
            className={props.tab === id ? 'tab active' : 'tab'}
            data-testid={`tab-${id}`}
            onClick={() => props.onTab(id)}
          >
            {label}
          </button>
        ))}
      </div>
      <div className="results-body">
        {props.tab === 'tests' && <RunResults run={props.sampleRun} kind="sample" />}
        {props.tab === 'custom' && (
          <div className="custom">
            <label className="field-label" htmlFor="custom-input">
              One test per line: the arguments of {task.signature.functionName}({params}) as a JSON array
            </label>
            <textarea
              id="custom-input"
              data-testid="custom-input"
              className="mono"
              spellCheck={false}
              rows={3}
              placeholder={`[${task.signature.params.map((p) => `<${p.name}>`).join(', ')}]`}
              value={props.customInput}
              onChange={(e) => props.onCustomInput(e.target.value)}
            />
            {props.customError && <div className="callout callout-bad">{props.customError}</div>}
            <RunResults run={props.customRun} kind="custom" />
          </div>
        )}
        {props.tab === 'submission' && <SubmissionResult submission={props.submission} />}
      </div>
    </section>
  );
}
