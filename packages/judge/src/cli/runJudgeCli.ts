// `pnpm judge <problem> <solution> [--language javascript|typescript] [--mode run|submit] [--json]` ([J40]).
// Exit codes: 0 accepted, 1 not accepted, 2 usage or problem error (with a message saying what to fix).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Judge, LanguageUnavailableError } from '../Judge.ts';
import { isLanguage, LANGUAGE_DEFINITIONS, LANGUAGES, languageOfFile } from '../languages/languages.ts';
import { ProblemSpecError } from '../problemSchema.ts';
import type { SandboxSettings } from '../runner/Runner.ts';
import type { Mode } from '../types.ts';
import { formatReport, toJsonSummary } from './formatReport.ts';

const EXTENSIONS = LANGUAGES.map((id) => LANGUAGE_DEFINITIONS[id].extension);
const USAGE = `usage: pnpm judge <problem> <solution${EXTENSIONS.join('|')}> [--language ${LANGUAGES.join('|')}] [--mode run|submit] [--json]`;

/** A mistake in how the command was called; the message says what to fix. */
export class UsageError extends Error {
  override name = 'UsageError';
  readonly code = 'JUDGE_ERR_USAGE';
}

/** Reads a file the user named, turning a failure into a UsageError that says which file and why. */
export function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new UsageError(`cannot read the ${what} ${path}: ${reason}`);
  }
}

export interface JudgeCliOptions {
  /** Turns the <problem> argument into a problem spec; by default it names a problem spec JSON file. */
  loadProblem?: (argument: string, base: string) => Promise<unknown>;
  /** Where the judge finds Python and bubblewrap ([J62]); the command line's caller reads them from its environment. */
  sandbox?: Partial<SandboxSettings>;
}

async function loadProblemFile(argument: string, base: string): Promise<unknown> {
  const text = readText(resolve(base, argument), 'problem file');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`the problem file ${argument} is not valid JSON: ${(error as Error).message}`);
  }
}

async function main(argv: string[], options: JudgeCliOptions): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      language: { type: 'string', short: 'l' },
      mode: { type: 'string', short: 'm', default: 'submit' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const [problemPath, solutionPath, ...extra] = positionals;
  if (!problemPath || !solutionPath || extra.length > 0)
    throw new UsageError('expected a problem file and a solution file');
  const mode = values.mode as Mode;
  if (mode !== 'run' && mode !== 'submit') throw new UsageError(`--mode must be run or submit, not "${values.mode}"`);
  const language = values.language ?? languageOfFile(solutionPath) ?? 'javascript';
  if (!isLanguage(language)) throw new UsageError(`--language must be ${LANGUAGES.join(' or ')}, not "${language}"`);

  // INIT_CWD is where the user typed `pnpm judge`; pnpm itself runs scripts from the repository root.
  const base = process.env.INIT_CWD ?? process.cwd();
  const problem = await (options.loadProblem ?? loadProblemFile)(problemPath, base);
  const source = readText(resolve(base, solutionPath), 'solution file');

  const judge = new Judge({ concurrency: 1, ...(options.sandbox ? { sandbox: options.sandbox } : {}) });
  try {
    const report = await judge.judge({ problem: problem as never, submission: { language, source }, mode });
    process.stdout.write(
      values.json
        ? `${JSON.stringify(toJsonSummary(report))}\n`
        : formatReport(report, { problemPath, solutionPath, language }),
    );
    return report.verdict === 'accepted' ? 0 : 1;
  } finally {
    await judge.close();
  }
}

/** Runs the command line and returns its exit code, having printed the report or the error. */
export async function runJudgeCli(argv: string[], options: JudgeCliOptions = {}): Promise<number> {
  try {
    return await main(argv, options);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      process.stderr.write(`judge: ${(error as Error).message}\n${USAGE}\n`);
    } else if (error instanceof LanguageUnavailableError) {
      // [J62] The reason names what to install.
      process.stderr.write(`judge: ${error.message}\n`);
    } else if (error instanceof ProblemSpecError) {
      process.stderr.write(`judge: ${error.message}\nFix the problem and try again.\n`);
    } else {
      process.stderr.write(`judge: ${(error as Error).stack ?? String(error)}\n`);
    }
    return 2;
  }
}
