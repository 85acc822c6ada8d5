// `pnpm build`: compiles the API and every workspace package it depends on to JavaScript in each
// package's dist/, so production runs `node` without tsx or TypeScript (see the README's "Production").
// Packages keep exporting their TypeScript sources by default (tsx, vitest and Vite read those); their
// `exports` carry an `assay-compiled` condition naming the compiled file, which a production start
// selects with `--conditions=assay-compiled`. The web app is built by its own `vite build` afterwards.
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const COMPILED_CONDITION = 'assay-compiled';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The package whose runtime is compiled; with every workspace package it reaches. */
const ENTRY_PACKAGE = '@assay/api';

interface WorkspacePackage {
  name: string;
  dir: string;
  manifest: {
    exports?: Record<string, unknown>;
    dependencies?: Record<string, string>;
  };
}

export function workspacePackages(root = ROOT): Map<string, WorkspacePackage> {
  const packages = new Map<string, WorkspacePackage>();
  for (const group of ['apps', 'packages']) {
    for (const entry of readdirSync(join(root, group), { withFileTypes: true })) {
      const dir = join(root, group, entry.name);
      if (!entry.isDirectory() || !existsSync(join(dir, 'package.json'))) continue;
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as WorkspacePackage['manifest'] & {
        name: string;
      };
      packages.set(manifest.name, { name: manifest.name, dir, manifest });
    }
  }
  return packages;
}

/** The entry package and the workspace packages it depends on at run time, dependencies first. */
export function runtimePackages(packages: Map<string, WorkspacePackage>, entry = ENTRY_PACKAGE): WorkspacePackage[] {
  const order: WorkspacePackage[] = [];
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const pkg = packages.get(name);
    if (!pkg) throw new Error(`${name} is not a workspace package`);
    for (const [dep, range] of Object.entries(pkg.manifest.dependencies ?? {}))
      if (range.startsWith('workspace:')) visit(dep);
    order.push(pkg);
  };
  visit(entry);
  return order;
}

/**
 * Problems with a package's `exports` for a production start: every entry that names a TypeScript
 * source under src/ must name its compiled file under the `assay-compiled` condition first.
 */
export function exportProblems(pkg: WorkspacePackage): string[] {
  const problems: string[] = [];
  for (const [subpath, target] of Object.entries(pkg.manifest.exports ?? {})) {
    const where = `${pkg.name} exports["${subpath}"]`;
    if (typeof target === 'string') {
      if (target.endsWith('.ts'))
        problems.push(
          `${where} is "${target}": write { "${COMPILED_CONDITION}": "${compiledPath(target)}", "default": "${target}" } so a production start finds the compiled file`,
        );
      continue;
    }
    const conditions = target as Record<string, unknown>;
    const source = conditions.default;
    const compiled = conditions[COMPILED_CONDITION];
    if (typeof source !== 'string' || !source.endsWith('.ts')) continue;
    if (Object.keys(conditions)[0] !== COMPILED_CONDITION || compiled !== compiledPath(source))
      problems.push(
        `${where} must start with "${COMPILED_CONDITION}": "${compiledPath(source)}" (the compiled form of "${source}")`,
      );
  }
  return problems;
}

/** Where a source under ./src/ lands when compiled. */
export function compiledPath(source: string): string {
  return source.replace(/^\.\/src\//, './dist/').replace(/\.ts$/, '.js');
}

const isTest = (path: string) => /\.test\.ts$/.test(path) || /[\\/]__tests__[\\/]/.test(path);

/** Compiles one package's src/ to dist/ and copies the non-TypeScript files its code reads at run time. */
function compilePackage(pkg: WorkspacePackage): void {
  const src = join(pkg.dir, 'src');
  const dist = join(pkg.dir, 'dist');
  rmSync(dist, { recursive: true, force: true });
  const parsed = ts.parseJsonConfigFileContent(
    {
      extends: join(ROOT, 'tsconfig.base.json'),
      compilerOptions: {
        noEmit: false,
        rootDir: 'src',
        outDir: 'dist',
        rewriteRelativeImportExtensions: true,
        declaration: true,
        customConditions: [COMPILED_CONDITION],
      },
      include: ['src'],
      exclude: ['src/**/*.test.ts'],
    },
    ts.sys,
    pkg.dir,
  );
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
  const emitted = program.emit();
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics];
  if (diagnostics.length > 0) {
    const host = { getCanonicalFileName: (f: string) => f, getCurrentDirectory: () => ROOT, getNewLine: () => '\n' };
    throw new Error(`${pkg.name} does not compile:\n${ts.formatDiagnostics(diagnostics, host)}`);
  }
  cpSync(src, dist, {
    recursive: true,
    filter: (from) => statSync(from).isDirectory() || !(from.endsWith('.ts') || isTest(from)),
  });
}

function main(): void {
  const packages = runtimePackages(workspacePackages());
  const problems = packages.flatMap(exportProblems);
  if (problems.length > 0) throw new Error(`cannot build for production:\n- ${problems.join('\n- ')}`);
  for (const pkg of packages) {
    const started = performance.now();
    compilePackage(pkg);
    console.log(
      `built ${pkg.name} → ${relative(ROOT, join(pkg.dir, 'dist'))} (${Math.round(performance.now() - started)} ms)`,
    );
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    main();
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}
