import { processEntry } from '../../processEntry.ts';
import type { RunnerDefinition } from '../../runner/Runner.ts';

/** JavaScript in isolated-vm: one isolate per submission, one context per test ([J10]). */
export const isolatedVmRunner: RunnerDefinition = {
  id: 'isolated-vm',
  // childMain.ts from source (through tsx), childMain.js once compiled; processEntry adds --no-node-snapshot.
  entry: processEntry(import.meta.url, './childMain'),
};
