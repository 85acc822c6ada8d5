import { processEntry } from '../../processEntry.ts';
import type { RunnerDefinition } from '../../runner/Runner.ts';
import { probePython } from './probePython.ts';

/**
 * CPython in bubblewrap ([J60]): a warm interpreter (numpy imported) per child, forked once per test.
 * The child is a Node process that supervises the sandbox and checks the answers.
 */
export const pythonRunner: RunnerDefinition = {
  id: 'python',
  entry: processEntry(import.meta.url, './childMain'),
  probe: probePython,
  // Preparing a job may import scikit-learn's models (1–2 s on a quiet machine, [J69]).
  prepareTimeoutMs: 30_000,
  args: (settings) => [JSON.stringify(settings)],
};
