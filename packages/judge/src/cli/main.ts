// Entry point of `pnpm judge` for a problem spec JSON file; @assay/problems adds problem folders and packs.
import { runJudgeCli } from './runJudgeCli.ts';

process.exitCode = await runJudgeCli(process.argv.slice(2));
