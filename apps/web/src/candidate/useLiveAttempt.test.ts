import type { Submission, Task } from '@assay/contracts';
import { describe, expect, it } from 'vitest';
import { initialRuns } from './useLiveAttempt.ts';

const submission = (over: Partial<Submission>): Submission => ({
  id: 's',
  position: 0,
  language: 'javascript',
  mode: 'run',
  automatic: false,
  status: 'done',
  verdict: 'accepted',
  score: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  judgedAt: '2026-01-01T00:00:01.000Z',
  report: null,
  ...over,
});

const task = (position: number, latest?: Task['latest']): Task => ({
  position,
  title: `Task ${position}`,
  difficulty: 'easy',
  points: 100,
  statement: '',
  signature: { functionName: 'f', params: [], returnType: 'int' },
  starter: {},
  samples: [],
  code: {},
  language: null,
  bestScore: null,
  limits: { timeMs: 1000, memoryMb: 64 },
  latest: latest ?? { run: null, submit: null },
});

describe('results after a reload', () => {
  it('[W15] the panels start from each task’s latest run and submission in the attempt view', () => {
    const run = submission({ id: 'run-1', position: 0 });
    const submit = submission({ id: 'sub-1', position: 0, mode: 'submit' });
    const custom = submission({
      id: 'run-2',
      position: 1,
      report: {
        verdict: 'accepted',
        score: 1,
        passed: 1,
        total: 1,
        tests: [{ id: 'custom 1', kind: 'custom', verdict: 'accepted', output: '', outputTruncated: false }],
      },
    });
    expect(
      initialRuns([
        task(0, { run, submit }),
        task(1, { run: custom, submit: null }),
        task(2, { run: null, submit: null }),
      ]),
    ).toEqual({ 0: { sample: run, submit }, 1: { custom }, 2: {} });
  });
});
