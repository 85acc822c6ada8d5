// `pnpm problems <validate|build|new|export|import>`: the problem-pack tooling ([P10]–[P13]).
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Judge } from '@assay/judge';
import { buildGeneratedTests } from '../buildTests.ts';
import { type LoadedProblem, loadPack, loadProblemOrThrow } from '../loadProblem.ts';
import { BUILTIN_PACKS_DIR, builtinPacks, resolveTarget } from '../packPaths.ts';
import { scaffoldProblem } from '../scaffold.ts';
import { formatIssue, PackError } from '../sourceIssues.ts';
import { validateProblem } from '../validateProblem.ts';
import { Yardstick } from '../yardstick.ts';
import { exportPack, importPack } from '../zipPack.ts';
import { sandboxFromEnv } from './sandboxFromEnv.ts';

const USAGE = `usage: pnpm problems <command>
  validate [pack-or-problem ...]       prove every problem's tests (default: every built-in pack)
  build <pack-or-problem ...>          write generated tests and their expected outputs
  new <pack> <problem-id>              scaffold a problem in a pack (a folder, or a built-in pack id)
  export <pack> --out <file.zip>       zip a pack
  import <file.zip> [--into <dir>] [--force]   unzip a pack (default into the built-in packs)`;

class CliError extends Error {
  override name = 'CliError';
}

const base = process.env.INIT_CWD ?? process.cwd();

function problemsOf(args: string[]): LoadedProblem[] {
  const targets = args.length > 0 ? args : builtinPacks();
  return targets.flatMap((argument) => {
    const target = resolveTarget(argument, base);
    if (!target) throw new CliError(`no pack or problem at "${argument}"`);
    return target.kind === 'pack' ? loadPack(target.dir).problems : [loadProblemOrThrow(target.dir, target.packId)];
  });
}

async function validate(args: string[]): Promise<number> {
  const problems = problemsOf(args);
  const judge = new Judge({ concurrency: availableParallelism(), sandbox: sandboxFromEnv() });
  // [P25] One yardstick for the whole run, so its quietest measurement is the run's quietest.
  const yardstick = new Yardstick(judge);
  let failed = 0;
  try {
    for (const [i, problem] of problems.entries()) {
      const prefix = `[${i + 1}/${problems.length}] ${problem.ref}`;
      const live = process.stdout.isTTY === true;
      if (live) process.stdout.write(`${prefix} …`);
      const started = performance.now();
      const report = await validateProblem(problem, judge, { yardstick });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const known = report.solutions
        .filter((s) => s.name.split('/')[0] !== 'accepted')
        .map((s) => `${s.name.split('/')[1]} → ${s.verdict}`)
        .join(', ');
      const summary = `${report.samples} samples, ${report.hidden} hidden${report.generated ? ` (${report.generated} generated)` : ''} · ${report.solutions.filter((s) => s.name.startsWith('accepted/')).length} accepted, slowest ${report.slowest ? `${report.slowest.solution.split('/')[1]} ${Math.round(report.slowest.cpuMs)} ms on ${report.slowest.test} = ${Math.round(report.slowestShare * 100)}% of the ${problem.spec.limits.cpuMs} ms limit` : 'none'} · ${known}`;
      const start = live ? '\r' : '';
      if (report.issues.length === 0) process.stdout.write(`${start}${prefix} ok (${seconds}s) · ${summary}\n`);
      else {
        failed++;
        process.stdout.write(`${start}${prefix} FAILED (${seconds}s) · ${summary}\n`);
        for (const issue of report.issues)
          process.stdout.write(`    ${formatIssue(issue, base).replace(/\n/g, '\n      ')}\n`);
      }
    }
  } finally {
    await judge.close();
  }
  // The closing line follows the plain "N passed, N failed" form that CI reads.
  process.stdout.write(`\nproblems: ${problems.length - failed} passed, ${failed} failed\n`);
  return failed === 0 ? 0 : 1;
}

async function build(args: string[]): Promise<number> {
  if (args.length === 0) throw new CliError('name the packs or problems to build');
  // Expected values are the reference's answers in full: the caps that bound candidates' reports
  // ([J26]) do not apply to the author's own build.
  const unbounded = Number.POSITIVE_INFINITY;
  const judge = new Judge({
    concurrency: availableParallelism(),
    answerLimitBytes: unbounded,
    reportLimitBytes: unbounded,
    sandbox: sandboxFromEnv(),
  });
  try {
    for (const problem of problemsOf(args)) {
      if (!problem.generator) continue;
      const written = await buildGeneratedTests(problem, judge);
      process.stdout.write(
        `${problem.ref}: ${written.length === 0 ? 'generated tests up to date' : `wrote ${written.length} tests`}\n`,
      );
    }
  } finally {
    await judge.close();
  }
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { out: { type: 'string' }, into: { type: 'string' }, force: { type: 'boolean', default: false } },
  });
  const [command, ...rest] = positionals;
  switch (command) {
    case 'validate':
      return validate(rest);
    case 'build':
      return build(rest);
    case 'new': {
      const [pack, id] = rest;
      if (!pack || !id) throw new CliError('new needs a pack and a problem id');
      const packDir =
        pack.includes('/') || pack.startsWith('.') ? resolve(base, pack) : resolve(BUILTIN_PACKS_DIR, pack);
      for (const file of scaffoldProblem(packDir, id)) process.stdout.write(`created ${file}\n`);
      process.stdout.write(
        `Now write the statement, tests and solutions, then run: pnpm problems validate ${packDir}/${id}\n`,
      );
      return 0;
    }
    case 'export': {
      const [pack] = rest;
      const target = pack ? resolveTarget(pack, base) : undefined;
      if (target?.kind !== 'pack') throw new CliError(`export needs a pack, and "${pack ?? ''}" is not one`);
      if (!values.out) throw new CliError('export needs --out <file.zip>');
      const files = exportPack(target.dir, resolve(base, values.out));
      process.stdout.write(`wrote ${files} files to ${resolve(base, values.out)}\n`);
      return 0;
    }
    case 'import': {
      const [zip] = rest;
      if (!zip) throw new CliError('import needs a .zip file');
      const { dir, files } = importPack(
        resolve(base, zip),
        resolve(base, values.into ?? BUILTIN_PACKS_DIR),
        values.force,
      );
      process.stdout.write(`imported ${files} files into ${dir}\n`);
      return 0;
    }
    default:
      throw new CliError(command ? `unknown command "${command}"` : 'name a command');
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof PackError)
      process.stderr.write(
        `problems: the pack has problems:\n${error.issues.map((i) => `  ${formatIssue(i, base)}`).join('\n')}\n`,
      );
    else if (error instanceof CliError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))
      process.stderr.write(`problems: ${(error as Error).message}\n${USAGE}\n`);
    else if ((error as { code?: string }).code?.startsWith('PROBLEMS_ERR'))
      process.stderr.write(`problems: ${(error as Error).message}\n`);
    else process.stderr.write(`problems: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 2;
  },
);
