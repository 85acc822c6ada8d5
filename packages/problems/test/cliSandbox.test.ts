import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// [A141] The command lines read ASSAY_PYTHON and ASSAY_BWRAP as the API does, so a machine's one
// setting reaches `pnpm judge` and `pnpm problems` too.

const judgeCli = fileURLToPath(new URL('../src/cli/judgeCli.ts', import.meta.url));

describe('pnpm judge and the sandbox settings', () => {
  it('[A141] pnpm judge with ASSAY_BWRAP naming a missing program refuses a Python solution, saying what to install', () => {
    const dir = mkdtempSync(join(tmpdir(), 'assay-cli-sandbox-'));
    writeFileSync(join(dir, 'solution.py'), 'def num_islands(grid):\n    return 0\n');
    const result = spawnSync(
      process.execPath,
      [
        '--no-node-snapshot',
        '--import',
        import.meta.resolve('tsx'),
        judgeCli,
        'classics/number-of-islands',
        'solution.py',
      ],
      { cwd: dir, env: { ...process.env, INIT_CWD: dir, ASSAY_BWRAP: '/nonexistent/bwrap' }, encoding: 'utf8' },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      'judge: Python 3 is unavailable here: Bubblewrap (/nonexistent/bwrap) is not installed',
    );
    expect(result.stderr).toContain('apt-get install bubblewrap');
    // The message, not a stack trace.
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
