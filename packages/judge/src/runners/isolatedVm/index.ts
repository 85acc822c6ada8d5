import { fileURLToPath } from 'node:url';
import type { RunnerDefinition } from '../../runner/Runner.ts';

// The child entry has this module's own extension: .ts from source (run through tsx), .js once compiled.
const extension = /\.(ts|js)$/.exec(fileURLToPath(import.meta.url))?.[1] ?? 'js';

/** JavaScript in isolated-vm: one isolate per submission, one context per test ([J10]). */
export const isolatedVmRunner: RunnerDefinition = {
  id: 'isolated-vm',
  entry: {
    module: fileURLToPath(new URL(`./childMain.${extension}`, import.meta.url)),
    execArgv: ['--no-node-snapshot'],
  },
};
