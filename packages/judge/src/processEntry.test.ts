import { describe, expect, it } from 'vitest';
import { conditionFlags, processEntry } from './processEntry.ts';

describe('[A60] process entry points', () => {
  it('runs from sources: the .ts entry beside the caller, through tsx', () => {
    const entry = processEntry('file:///repo/packages/judge/src/pool/ChildPool.ts', '../sandbox/childMain');
    expect(entry.path).toBe('/repo/packages/judge/src/sandbox/childMain.ts');
    expect(entry.execArgv.slice(0, 2)).toEqual(['--no-node-snapshot', '--import']);
    expect(entry.execArgv[2]).toMatch(/tsx/);
  });

  it('runs compiled: the .js entry beside the caller, without tsx', () => {
    const entry = processEntry('file:///app/packages/judge/dist/pool/ChildPool.js', '../sandbox/childMain');
    expect(entry.path).toBe('/app/packages/judge/dist/sandbox/childMain.js');
    expect(entry.execArgv[0]).toBe('--no-node-snapshot');
    expect(entry.execArgv.join(' ')).not.toMatch(/tsx/);
  });

  it("passes the parent's --conditions flags on, in each of Node's spellings", () => {
    expect(
      conditionFlags([
        '--no-node-snapshot',
        '--conditions=assay-compiled',
        '--import',
        'x',
        '-C',
        'a',
        '--conditions',
        'b',
      ]),
    ).toEqual(['--conditions=assay-compiled', '-C', 'a', '--conditions', 'b']);
    expect(conditionFlags(['--no-node-snapshot'])).toEqual([]);
  });
});
