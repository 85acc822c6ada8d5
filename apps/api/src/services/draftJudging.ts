import {
  checkDraft,
  DRAFT_LIMITS,
  type DraftContent,
  type DraftValidation,
  type GridCell,
  generatedTestsSchema,
} from '@assay/contracts';
import {
  Judge,
  type JudgeReport,
  type JudgeRequest,
  LanguageUnavailableError,
  parseType,
  type SandboxSettings,
  type TypeRef,
} from '@assay/judge';
import { validateProblem } from '@assay/problems';
import { DraftInvalid, ValidationRunning, ValidationTimedOut } from '../errors.ts';
import { languageUnavailable } from '../plugins/languages.ts';
import { folderIssue, loadDraftFolder, writeDraftFolder } from './draftFolder.ts';

export interface DraftJudgeOptions {
  /** Sandbox processes the authoring judge runs at once. Default 2. */
  concurrency?: number;
  /** Wall-clock cap on one validation or computation, in ms ([A86]). Default 180 000. */
  capMs?: number;
  /** Where the judge finds Python and bubblewrap ([J62]): the API's `config.sandbox`. */
  sandbox?: Partial<SandboxSettings>;
}

/**
 * [A86] The judge that authoring uses, apart from the candidates' queue: one validation at a time per
 * server (judging is CPU-heavy; a second request is refused, not queued), under a wall-clock cap. Code
 * runs in the judge's sandbox processes, never in the API's own.
 */
export class DraftJudge {
  private judge: Judge | undefined;
  private busy = false;
  private readonly concurrency: number;
  private readonly capMs: number;
  private readonly sandbox: Partial<SandboxSettings>;

  constructor(options: DraftJudgeOptions = {}) {
    this.concurrency = options.concurrency ?? 2;
    this.capMs = options.capMs ?? 180_000;
    this.sandbox = options.sandbox ?? {};
  }

  /** Runs `work` with the judge, alone; throws ValidationRunning when another run holds it. */
  async exclusive<T>(work: (judge: Judge) => Promise<T>): Promise<T> {
    if (this.busy) throw new ValidationRunning();
    this.busy = true;
    // Answers and reports as large as a draft's tests may be ([A81]).
    this.judge ??= new Judge({
      concurrency: this.concurrency,
      // A generator's answer holds every test of a draft; each expected value is checked on its own ([A84]).
      answerLimitBytes: DRAFT_LIMITS.draftBytes,
      reportLimitBytes: DRAFT_LIMITS.draftBytes * 2,
      sandbox: this.sandbox,
    });
    const judge = this.judge;
    let timer: NodeJS.Timeout | undefined;
    const cap = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ValidationTimedOut(Math.round(this.capMs / 1000))), this.capMs);
    });
    try {
      return await Promise.race([work(judge), cap]);
    } catch (error) {
      // A run past its cap still holds sandboxes: end them with this judge, the next run starts a new one.
      if (error instanceof ValidationTimedOut) {
        this.judge = undefined;
        void judge.close().catch(() => {});
      }
      // [A131] A reference in a language this server cannot judge (Python without bubblewrap): say so.
      if (error instanceof LanguageUnavailableError) throw languageUnavailable(error.language, error.reason);
      throw error;
    } finally {
      clearTimeout(timer);
      this.busy = false;
    }
  }

  async close(): Promise<void> {
    await this.judge?.close();
    this.judge = undefined;
  }
}

/**
 * A judge that passes every request to `judge` and keeps, per submitted source, the verdict and CPU
 * time of each test it ran: the grid of [A83] is what the validator itself judged, not a second run.
 */
function recordingJudge(judge: Judge) {
  const cells = new Map<string, Record<string, GridCell>>();
  const recorder = {
    // [P34] The validator asks which languages this machine can judge.
    availability: judge.availability,
    async judge(request: JudgeRequest): Promise<JudgeReport> {
      const report = await judge.judge(request);
      const key = `${request.submission.language}\0${request.submission.source}`;
      const row = cells.get(key) ?? {};
      for (const test of report.tests) {
        if (test.kind !== 'custom') row[test.id] = { verdict: test.verdict, cpuMs: test.cpuMs };
      }
      cells.set(key, row);
      return report;
    },
  };
  // validateProblem and its Yardstick read `availability` and call judge(), nothing else; the class's
  // private pools make the structural type unreachable, hence the cast.
  return {
    judge: recorder as unknown as Judge,
    cellsOf: (language: string, source: string) => cells.get(`${language}\0${source}`) ?? {},
  };
}

export type ValidationRun = Omit<DraftValidation, 'stale'>;

/**
 * [A83] Validates a draft exactly as `pnpm problems validate` validates a folder: the draft is written
 * as a problem folder and read by the CLI's loadProblem, then validateProblem judges it with the real
 * judge. Fast checks first: a draft whose signature or tests do not fit is not worth a judge run.
 */
export async function validateDraft(
  judge: DraftJudge,
  draft: { packId: string; problemId: string; content: DraftContent },
  now: () => Date,
): Promise<ValidationRun> {
  const started = Date.now();
  const tests = draft.content.tests.map((t) => ({ name: t.name, kind: t.kind }));
  const result = (issues: DraftValidation['issues'], solutions: DraftValidation['solutions'] = []): ValidationRun => ({
    ok: issues.length === 0,
    ranAt: now().toISOString(),
    durationMs: Date.now() - started,
    issues,
    tests,
    solutions,
  });
  const quick = checkDraft(draft.content);
  if (quick.length > 0) return result(quick);
  const folder = writeDraftFolder(draft.problemId, draft.content);
  try {
    const { problem, issues } = loadDraftFolder(folder, draft.packId);
    if (!problem || issues.length > 0) return result(issues);
    return await judge.exclusive(async (real) => {
      const recording = recordingJudge(real);
      const report = await validateProblem(problem, recording.judge);
      const solutions = report.solutions.map((s) => {
        const file = problem.solutions.find((f) => f.name === s.name);
        return {
          name: s.name,
          expect: s.expect,
          verdict: s.verdict,
          ok: s.ok,
          detail: s.detail,
          cells: file ? recording.cellsOf(file.language, file.source) : {},
        };
      });
      return result(
        report.issues.map((issue) => folderIssue(folder.dir, issue)),
        solutions,
      );
    });
  } finally {
    folder.dispose();
  }
}

/** A value of `type`, any one: the judge wants one test with a fitting expected value even in run mode. */
function placeholder(type: TypeRef): unknown {
  switch (type.kind) {
    case 'int':
    case 'float':
      return 0;
    case 'bool':
      return false;
    case 'string':
      return '';
    case 'list':
    case 'nullable':
      return null;
    case 'array':
      return [];
    case 'dict':
      return {};
    case 'struct':
      return Object.fromEntries(type.fields.map((f) => [f.name, placeholder(f.type)]));
  }
}

/**
 * [A84] Runs the first reference (accepted) solution on every test's arguments and returns the tests
 * with its answers as their expected values. Refuses, naming the test, when the reference fails one.
 */
export async function computeExpected(judge: DraftJudge, draft: { problemId: string; content: DraftContent }) {
  const { content } = draft;
  const blocking = checkDraft(content).filter((i) => !i.message.startsWith('has no expected value'));
  const first = blocking[0];
  if (first)
    throw new DraftInvalid(
      `${first.where}: ${first.message}. Fix this first: expected outputs need tests that fit the signature`,
    );
  const reference = content.solutions.find((s) => s.category === 'accepted');
  if (!reference)
    throw new DraftInvalid('there is no reference solution: add an accepted solution, then compute again');
  const firstTest = content.tests[0];
  if (!firstTest) throw new DraftInvalid('there are no tests yet: add tests with their arguments, then compute again');
  const returns = parseType(content.signature.returns);
  const report = await judge.exclusive((real) =>
    real.judge({
      problem: {
        id: draft.problemId,
        signature: {
          functionName: content.signature.function,
          params: content.signature.params,
          returnType: content.signature.returns,
        },
        tests: [{ id: 'placeholder', kind: 'sample', args: firstTest.args, expected: placeholder(returns) }],
        // As `pnpm problems build` does: generous limits, since the reference's speed is validate's concern.
        limits: { cpuMs: Math.min(content.limits.cpuMs * 10, 30_000), memoryMb: content.limits.memoryMb },
        checker: { type: 'exact' },
      },
      submission: { language: reference.language, source: reference.source },
      mode: 'run',
      customInputs: content.tests.map((t) => t.args),
    }),
  );
  const name = `solutions/${reference.category}/${reference.name}`;
  if (report.compileError)
    throw new DraftInvalid(
      `the reference ${name} does not compile (line ${report.compileError.line}: ${report.compileError.message}): fix it, then compute again`,
    );
  const answers = report.tests.filter((t) => t.kind === 'custom');
  let filled = 0;
  const tests = content.tests.map((test, i) => {
    const result = answers[i];
    if (result?.verdict !== 'accepted' || result.answer === undefined)
      throw new DraftInvalid(
        `the reference ${name} failed on test ${test.name}: ${result?.verdict ?? 'not run'}${result?.message ? ` (${result.message})` : ''}. Fix the reference or the test, then compute again`,
      );
    if (JSON.stringify(test.expected) !== JSON.stringify(result.answer)) filled++;
    return { ...test, expected: result.answer };
  });
  return { tests, filled };
}

/** The CPU a generator may spend. */
const GENERATOR_CPU_MS = 2000;

/**
 * [A86] Runs an author's test generator (`function generate()` returning `[{args, expected?}, …]`) in
 * the judge's sandbox, never in the API's process, and returns the tests it made, checked against the
 * draft limits. Expected values it leaves out are computed later from the reference ([A84]).
 */
export async function generateTests(judge: DraftJudge, source: string) {
  const report = await judge.exclusive((real) =>
    real.judge({
      problem: {
        id: 'generator',
        signature: { functionName: '__assayGenerate', params: [], returnType: 'string' },
        // Run mode judges samples and custom inputs: a hidden placeholder keeps the spec valid, unrun.
        tests: [{ id: 'placeholder', kind: 'hidden', args: [], expected: '' }],
        limits: { cpuMs: GENERATOR_CPU_MS, memoryMb: 512, wallMs: GENERATOR_CPU_MS * 2 },
        checker: { type: 'exact' },
      },
      submission: {
        language: 'javascript',
        source: `${source}\n;function __assayGenerate() { return JSON.stringify(generate()); }\n`,
      },
      mode: 'run',
      customInputs: [[]],
    }),
  );
  if (report.compileError)
    throw new DraftInvalid(
      `the generator does not compile (line ${report.compileError.line}: ${report.compileError.message}): fix it and run it again`,
    );
  const run = report.tests.find((t) => t.kind === 'custom');
  if (run?.verdict !== 'accepted' || typeof run.answer !== 'string')
    throw new DraftInvalid(
      `the generator failed: ${run?.verdict ?? 'not run'}${run?.message ? ` (${run.message})` : ''}. It must define function generate() returning [{ "args": [...], "expected": ... }, ...] within ${GENERATOR_CPU_MS / 1000} s of CPU`,
    );
  const parsed = generatedTestsSchema.safeParse(JSON.parse(run.answer));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DraftInvalid(
      `the generator's tests are not usable: ${issue?.path.length ? `test ${issue.path.join('.')}: ` : ''}${issue?.message}. Return an array of { "args": [...], "expected"?: ... }`,
    );
  }
  return parsed.data;
}
