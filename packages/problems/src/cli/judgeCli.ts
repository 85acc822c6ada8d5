// `pnpm judge <problem> <solution>`: <problem> is a problem spec JSON file, a problem folder, or
// `pack/problem-id` among the built-in packs ([P14]).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { readText, runJudgeCli, UsageError } from '@assay/judge';
import { loadProblemOrThrow } from '../loadProblem.ts';
import { resolveTarget } from '../packPaths.ts';
import { PackError } from '../sourceIssues.ts';
import { sandboxFromEnv } from './sandboxFromEnv.ts';

async function loadProblem(argument: string, base: string): Promise<unknown> {
  if (argument.endsWith('.json') && existsSync(resolve(base, argument))) {
    try {
      return JSON.parse(readText(resolve(base, argument), 'problem file'));
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`the problem file ${argument} is not valid JSON: ${(error as Error).message}`);
    }
  }
  const target = resolveTarget(argument, base);
  if (target?.kind !== 'problem') {
    throw new UsageError(
      `no problem at "${argument}": give a problem spec .json file, a problem folder, or pack/problem-id (for example classics/number-of-islands)`,
    );
  }
  try {
    return loadProblemOrThrow(target.dir, target.packId).spec;
  } catch (error) {
    if (error instanceof PackError) throw new UsageError(`the problem at ${argument} is invalid:\n${error.message}`);
    throw error;
  }
}

process.exitCode = await runJudgeCli(process.argv.slice(2), { loadProblem, sandbox: sandboxFromEnv() });
