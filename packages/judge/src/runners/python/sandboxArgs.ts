import { existsSync, lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SandboxSettings } from '../../runner/Runner.ts';

/** The sandbox's writable work directory: a tmpfs of this size, its only writable place ([J63]). */
export const WORK_DIR = '/tmp';
export const WORK_DIR_BYTES = 64 * 1024 * 1024;
/** The unprivileged uid and gid the interpreter runs as inside its user namespace ("nobody"). */
const SANDBOX_ID = '65534';

/** The top-level folders a merged-/usr system links into /usr; each is linked or bound as the host has it. */
const ROOT_LINKS = ['/bin', '/sbin', '/lib', '/lib64', '/lib32', '/libx32'];
/** Host files the interpreter and numpy's BLAS need: the dynamic loader's cache and Debian's alternatives. */
const ETC_FILES = ['/etc/alternatives', '/etc/ld.so.cache', '/etc/localtime'];

/**
 * [J63] bubblewrap's arguments for a Python sandbox, up to and including the interpreter: every
 * namespace unshared (no network, its own pids), a read-only /usr (and the interpreter's own prefix
 * when it lives elsewhere), a fresh /proc and minimal /dev, a size-capped tmpfs as the only writable
 * place, the environment cleared, uid/gid nobody, no capabilities, no nested user namespaces, killed
 * with its parent, and the seccomp program read from `seccompFd` when given.
 */
export function sandboxArgs(settings: SandboxSettings, options: { seccompFd: number | undefined }): string[] {
  const args = [
    '--unshare-all',
    '--unshare-user',
    // The interpreter is the sandbox's init: no bubblewrap process inside (whose environment and
    // descriptors would be the host's), and init cannot be killed from within.
    '--as-pid-1',
    '--disable-userns',
    '--die-with-parent',
    '--new-session',
    '--clearenv',
    '--cap-drop',
    'ALL',
    '--uid',
    SANDBOX_ID,
    '--gid',
    SANDBOX_ID,
    '--hostname',
    'sandbox',
    '--ro-bind',
    '/usr',
    '/usr',
  ];
  for (const path of ROOT_LINKS) {
    const stat = lstatSafe(path);
    if (!stat) continue;
    if (stat.isSymbolicLink()) args.push('--symlink', readlinkSync(path), path);
    else if (stat.isDirectory()) args.push('--ro-bind', path, path);
  }
  for (const path of ETC_FILES) args.push('--ro-bind-try', path, path);
  const prefix = interpreterPrefix(settings.python3Path);
  if (prefix) args.push('--ro-bind', prefix, prefix);
  args.push(
    '--proc',
    '/proc',
    '--dev',
    '/dev',
    '--size',
    String(WORK_DIR_BYTES),
    '--tmpfs',
    WORK_DIR,
    '--chdir',
    WORK_DIR,
    ...env({
      PATH: '/usr/bin:/bin',
      HOME: WORK_DIR,
      LANG: 'C.UTF-8',
      // One thread for numpy's BLAS: threads count against the process limit and the CPU clock.
      OPENBLAS_NUM_THREADS: '1',
      OMP_NUM_THREADS: '1',
      MKL_NUM_THREADS: '1',
      PYTHONDONTWRITEBYTECODE: '1',
      PYTHONHASHSEED: '0',
      MPLBACKEND: 'Agg',
    }),
  );
  if (options.seccompFd !== undefined) args.push('--seccomp', String(options.seccompFd));
  args.push(settings.python3Path, '-B', '-E', '-s');
  return args;
}

/**
 * [J63] How bubblewrap itself is started: with nothing of the server's environment (its secrets), from /,
 * and, when the server runs as root, as the unprivileged user nobody, so that the sandbox's processes
 * own nothing on the host.
 */
export function sandboxSpawnOptions(): { env: Record<string, string>; cwd: string; uid?: number; gid?: number } {
  const root = process.getuid?.() === 0;
  return {
    env: { PATH: '/usr/bin:/bin' },
    cwd: '/',
    ...(root ? { uid: HOST_NOBODY, gid: HOST_NOBODY } : {}),
  };
}

/** The host's unprivileged "nobody" user and group, which a root server starts its sandboxes as. */
const HOST_NOBODY = 65534;

function env(vars: Record<string, string>): string[] {
  return Object.entries(vars).flatMap(([name, value]) => ['--setenv', name, value]);
}

function lstatSafe(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** The install prefix of an interpreter outside /usr (`/opt/python/bin/python3` → `/opt/python`), else none. */
function interpreterPrefix(python3Path: string): string | undefined {
  if (!existsSync(python3Path)) return undefined;
  const real = realpathSync(python3Path);
  if (real.startsWith('/usr/')) return undefined;
  return dirname(dirname(real));
}
