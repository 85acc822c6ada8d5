import { describe, expect, it } from 'vitest';
import { exportProblems, runtimePackages, workspacePackages } from '../../../scripts/build.ts';

describe('[A60] production build', () => {
  it('every workspace package the API runs exports its compiled file under the assay-compiled condition', () => {
    const packages = runtimePackages(workspacePackages());
    expect(packages.map((p) => p.name)).toContain('@assay/judge');
    expect(packages.at(-1)?.name).toBe('@assay/api');
    expect(packages.flatMap(exportProblems)).toEqual([]);
  });

  it('names what to write when an export has no compiled form', () => {
    const problems = exportProblems({
      name: '@assay/example',
      dir: '/nowhere',
      manifest: { exports: { '.': './src/index.ts', './x': { default: './src/x.ts' } } },
    });
    expect(problems).toEqual([
      '@assay/example exports["."] is "./src/index.ts": write { "assay-compiled": "./dist/index.js", "default": "./src/index.ts" } so a production start finds the compiled file',
      '@assay/example exports["./x"] must start with "assay-compiled": "./dist/x.js" (the compiled form of "./src/x.ts")',
    ]);
  });
});
