import { fileURLToPath } from 'node:url';

/** A module a process is started from by path, and the Node flags that process needs. */
export interface ProcessEntry {
  path: string;
  execArgv: string[];
}

/**
 * [A60] Where a process entry point lies beside the calling module, and how to start it. The entry has
 * the caller's own extension: `.ts` when Assay runs from its sources (tsx's loader is added) and `.js`
 * when it runs compiled (`dist/`, no tsx). `--no-node-snapshot` lets the process load isolated-vm, and
 * the caller's `--conditions` flags are passed on so that packages resolve in the child as they do in
 * the parent (`NODE_OPTIONS` is inherited anyway).
 *
 * `processEntry(import.meta.url, '../sandbox/childMain')` from `pool/ChildPool.ts` names
 * `sandbox/childMain.ts`; from the compiled `pool/ChildPool.js`, `sandbox/childMain.js`.
 */
export function processEntry(callerUrl: string, relativeWithoutExtension: string): ProcessEntry {
  const extension = /\.(ts|js|mts|mjs)$/.exec(fileURLToPath(callerUrl))?.[1];
  if (!extension) throw new Error(`processEntry: ${callerUrl} is neither a .ts nor a .js module`);
  const path = fileURLToPath(new URL(`${relativeWithoutExtension}.${extension}`, callerUrl));
  const typescript = extension === 'ts' || extension === 'mts';
  return {
    path,
    execArgv: [
      '--no-node-snapshot',
      ...(typescript ? ['--import', import.meta.resolve('tsx')] : []),
      ...conditionFlags(process.execArgv),
    ],
  };
}

/** The `--conditions`/`-C` flags among Node's own arguments. */
export function conditionFlags(execArgv: readonly string[]): string[] {
  const flags: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i] ?? '';
    if (arg.startsWith('--conditions=')) flags.push(arg);
    else if ((arg === '--conditions' || arg === '-C') && i + 1 < execArgv.length) flags.push(arg, execArgv[++i] ?? '');
  }
  return flags;
}
