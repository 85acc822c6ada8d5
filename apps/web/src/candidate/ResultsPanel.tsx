import type { Submission, Task, TestResult } from '@assay/contracts';
import { shortcutLabel } from '../ui/shortcuts.ts';
import { VerdictBadge, verdictLabel, verdictTone } from '../ui/verdicts.tsx';
import { type Limits, testError, testTime } from './testTimes.ts';

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
  /**
   * A run or submit the page is sending (the request has not been answered yet, or is being retried):
   * what to say instead of the previous result ([W15]).
   */
  sending: { run?: string; submit?: string };
}

const VERDICT_MARK = { ok: '✓', bad: '✕', warn: '!' } as const;

function Pending({ text }: { text: string }) {
  return (
    <div className="pending" data-testid="pending" role="status">
      <span className="spinner" aria-hidden="true" />
      {text}
    </div>
  );
}

const pendingText = (submission: Submission) => (submission.status === 'queued' ? 'Queued…' : 'Running…');

function Field({ label, value, mono = true }: { label: string; value: string | undefined; mono?: boolean }) {
  if (value === undefined || value === '') return null;
  return (
    <div className="field">
      <div className="field-label">{label}</div>
      <pre className={mono ? 'field-value mono' : 'field-value'}>{value}</pre>
    </div>
  );
}

function TestCard({ test, title, limits }: { test: TestResult; title: string; limits: Limits | undefined }) {
  const time = testTime(test, limits);
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
        {time && (
          <span className="muted" title={time.long}>
            {time.short}
          </span>
        )}
      </summary>
      <Field label="Input" value={test.input} />
      <Field label="Expected" value={test.expected} />
      <Field label="Your answer" value={test.actual} />
      <Field label={test.outputTruncated ? 'Console output (truncated)' : 'Console output'} value={test.output} />
      <Field label="Error" value={testError(test, limits)} />
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

function RunResults(props: {
  run: Submission | undefined;
  kind: 'sample' | 'custom';
  limits: Limits | undefined;
  sending: string | undefined;
}) {
  const { run, kind, limits } = props;
  if (props.sending) return <Pending text={props.sending} />;
  if (!run) {
    return (
      <p className="empty">
        {kind === 'sample'
          ? `Run your code against the sample tests with Run (${shortcutLabel('run')}).`
          : 'Write your own inputs above and press Run custom input.'}
      </p>
    );
  }
  if (run.status !== 'done') return <Pending text={pendingText(run)} />;
  const tests = run.report?.tests.filter((t) => t.kind === kind) ?? [];
  const passed = tests.filter((t) => t.verdict === 'accepted').length;
  return (
    <div data-testid={kind === 'sample' ? 'run-results' : 'custom-results'}>
      <CompileError submission={run} />
      {run.report?.message && <div className="callout callout-bad">{run.report.message}</div>}
      {kind === 'sample' && tests.length > 0 && (
        <div className={`summary tone-${passed === tests.length ? 'ok' : 'bad'}`} data-testid="samples-summary">
          {passed}/{tests.length} samples passed
        </div>
      )}
      <div className="test-cards">
        {tests.map((t, i) => (
          <TestCard
            key={t.id}
            test={t}
            limits={limits}
            title={kind === 'sample' ? `Sample ${i + 1}` : `Custom test ${i + 1}`}
          />
        ))}
      </div>
    </div>
  );
}

function SubmissionResult(props: {
  submission: Submission | undefined;
  limits: Limits | undefined;
  sending: string | undefined;
}) {
  const { submission, limits } = props;
  if (props.sending) return <Pending text={props.sending} />;
  if (!submission) {
    return (
      <p className="empty">Submit ({shortcutLabel('submit')}) to run the hidden tests. Your best submission counts.</p>
    );
  }
  if (submission.status !== 'done' || !submission.report) return <Pending text={pendingText(submission)} />;
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
        {hidden.map((t, i) => {
          const time = testTime(t, limits);
          return (
            <div
              key={t.id}
              className={`test-chip tone-${verdictTone(t.verdict)}`}
              data-testid="hidden-chip"
              title={`Hidden test ${i + 1}: ${verdictLabel(t.verdict)}${time ? ` · ${time.long}` : ''}`}
            >
              <span className="chip-n">#{i + 1}</span>
              <span className="chip-v" aria-hidden="true">
                {VERDICT_MARK[verdictTone(t.verdict)]}
              </span>
              <span className="sr-only">
                {verdictLabel(t.verdict)}
                {time ? `, ${time.long}` : ''}
              </span>
              {time && (
                <span className="muted" aria-hidden="true">
                  {time.short}
                </span>
              )}
            </div>
          );
        })}
      </div>
      <p className="muted small">
        Hidden tests show their verdict and the share of the{limits ? ` ${limits.timeMs} ms` : ''} time limit they used,
        never their inputs.
      </p>
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
        {props.tab === 'tests' && (
          <RunResults run={props.sampleRun} kind="sample" limits={task.limits} sending={props.sending.run} />
        )}
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
            <RunResults run={props.customRun} kind="custom" limits={task.limits} sending={props.sending.run} />
          </div>
        )}
        {props.tab === 'submission' && (
          <SubmissionResult submission={props.submission} limits={task.limits} sending={props.sending.submit} />
        )}
      </div>
    </section>
  );
}
