import { describe, expect, it } from 'vitest';
import { ChildPool, processEntry } from '../src/index.ts';
import type { SandboxJob } from '../src/runner/protocol.ts';

const scripted = processEntry(import.meta.url, './fixtures/scriptedRunner');

function job(scripts: string[]): SandboxJob {
  return {
    source: '',
    language: 'javascript',
    functionName: 'solve',
    params: [],
    returnType: { kind: 'int' },
    tests: scripts.map((script, i) => ({
      id: `${i + 1}`,
      kind: 'hidden',
      inputJson: JSON.stringify([script]),
      seed: 1,
    })),
    startIndex: 0,
    limits: { cpuMs: 100, wallMs: 300, memoryMb: 16, outputBytes: 1 << 20, consoleBytes: 16384 },
    checker: { type: 'exact' },
    budgetDeadline: Number.MAX_SAFE_INTEGER,
  };
}

describe('the child pool', () => {
  it('[J51] supervises any runner it is given: a child that crashes or hangs costs its test only', async () => {
    const pool = new ChildPool({ size: 1, runner: scripted, maxRejudges: 0 });
    try {
      const outcome = await pool.run(job(['answer', 'crash', 'answer', 'hang', 'answer']));
      if (!('results' in outcome)) throw new Error('expected results');
      expect(outcome.results.map((r) => r.verdict)).toEqual([
        'accepted',
        'runtime_error',
        'accepted',
        'time_limit_exceeded',
        'accepted',
      ]);
      // The answers came from the scripted runner's children, a fresh one after each death ([J18]).
      const pids = outcome.results.filter((r) => r.verdict === 'accepted').map((r) => r.output);
      expect(pids.every((p) => p.startsWith('scripted '))).toBe(true);
      expect(new Set(pids).size).toBe(3);
    } finally {
      await pool.close();
    }
  });
});
