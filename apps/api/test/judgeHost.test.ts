import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LanguageUnavailableError } from '@assay/judge';
import { loadProblemOrThrow, scaffoldProblem } from '@assay/problems';
import { afterAll, describe, expect, it } from 'vitest';
import { JudgeHost, JudgeHostExited } from '../src/queue/JudgeHost.ts';

const pack = join(mkdtempSync(join(tmpdir(), 'assay-host-')), 'demo');
scaffoldProblem(pack, 'sum-it');
const problem = loadProblemOrThrow(join(pack, 'sum-it'), 'demo').spec;
const SUM = 'function solve(nums) { return nums.reduce((a, b) => a + b, 0); }';
const host = new JudgeHost(1);
afterAll(() => host.close());

describe('the embedded judge host', () => {
  it("[A29] judges outside the API's process, and sends a problem's tests there once, not per submission", async () => {
    const first = await host.judge({ problem, submission: { language: 'javascript', source: SUM }, mode: 'submit' });
    const second = await host.judge({
      problem,
      submission: { language: 'javascript', source: 'function solve() { return 0; }' },
      mode: 'submit',
    });
    expect(first.verdict).toBe('accepted');
    expect(second.verdict).toBe('wrong_answer');
    expect(host.specsSent).toBe(1);
    const child = (host as unknown as { child: ChildProcess }).child;
    expect(child.pid).not.toBe(process.pid);
  });

  it('[A29] a host that dies fails the judging in flight (the queue tries again) and the next judging starts a new one', async () => {
    const slow = 'function solve(nums) { const end = Date.now() + 2000; while (Date.now() < end) {} return 0; }';
    const judging = host.judge({ problem, submission: { language: 'javascript', source: slow }, mode: 'run' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    (host as unknown as { child: ChildProcess }).child.kill('SIGKILL');
    await expect(judging).rejects.toBeInstanceOf(JudgeHostExited);
    const again = await host.judge({ problem, submission: { language: 'javascript', source: SUM }, mode: 'submit' });
    expect(again.verdict).toBe('accepted');
    expect(host.specsSent).toBe(2);
  });

  it('[A140] a host given sandbox settings judges with them: without bubblewrap, Python is refused saying what to install and JavaScript is judged', async () => {
    const bare = new JudgeHost(1, { bwrapPath: '/nonexistent/bwrap' });
    try {
      const python = bare.judge({
        problem,
        submission: { language: 'python', source: 'def solve(nums):\n    return sum(nums)\n' },
        mode: 'submit',
      });
      await expect(python).rejects.toThrow(/Bubblewrap \(\/nonexistent\/bwrap\) is not installed; install them/);
      const javascript = await bare.judge({
        problem,
        submission: { language: 'javascript', source: SUM },
        mode: 'submit',
      });
      expect(javascript.verdict).toBe('accepted');
    } finally {
      await bare.close();
    }
  });

  it('[A132] the host says a language is unavailable as such: the API side gets a LanguageUnavailableError with its reason', async () => {
    const bare = new JudgeHost(1, { bwrapPath: '/nonexistent/bwrap' });
    try {
      const refused = await bare
        .judge({ problem, submission: { language: 'python', source: 'def solve(nums):\n    return 0\n' }, mode: 'run' })
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      expect(refused).toBeInstanceOf(LanguageUnavailableError);
      expect(refused).toMatchObject({
        language: 'python',
        reason: expect.stringMatching(/Bubblewrap .* not installed/),
      });
    } finally {
      await bare.close();
    }
  });
});
