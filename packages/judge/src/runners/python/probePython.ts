import { spawnSync } from 'node:child_process';
import type { RunnerAvailability, SandboxSettings } from '../../runner/Runner.ts';
import { sandboxArgs, sandboxSpawnOptions } from './sandboxArgs.ts';

const INSTALL_HINT =
  'install them (Debian/Ubuntu: apt-get install bubblewrap python3 python3-numpy python3-pandas python3-sklearn) and restart';

const cache = new Map<string, RunnerAvailability>();

/**
 * [J62] Whether Python can be judged here: bubblewrap starts a sandbox (user namespaces allowed) and
 * the interpreter in it imports numpy. Checked once per settings and remembered; the answer names
 * what is missing and what to install.
 */
export function probePython(settings: SandboxSettings): RunnerAvailability {
  const key = JSON.stringify(settings);
  let known = cache.get(key);
  if (!known) {
    known = probe(settings);
    cache.set(key, known);
  }
  return known;
}

function probe(settings: SandboxSettings): RunnerAvailability {
  const python = spawnSync(settings.python3Path, ['-c', 'import sys; print(sys.version_info[0])'], {
    encoding: 'utf8',
    timeout: 10_000,
  });
  if (python.error || python.status !== 0 || python.stdout.trim() !== '3') {
    return {
      available: false,
      reason: `${settings.python3Path} is not a working Python 3 interpreter; ${INSTALL_HINT}`,
    };
  }
  const sandboxed = spawnSync(
    settings.bwrapPath,
    [...sandboxArgs(settings, { seccompFd: undefined }), '-c', 'import numpy; print("ok")'],
    { ...sandboxSpawnOptions(), encoding: 'utf8', timeout: 20_000 },
  );
  const error = sandboxed.error as NodeJS.ErrnoException | undefined;
  if (error?.code === 'ENOENT') {
    return {
      available: false,
      reason: `Bubblewrap (${settings.bwrapPath}) is not installed; ${INSTALL_HINT}`,
    };
  }
  if (sandboxed.status !== 0 || sandboxed.stdout.trim() !== 'ok') {
    const said = `${sandboxed.stderr ?? ''}`.trim().split('\n').slice(-3).join(' ').slice(0, 400);
    const numpyMissing = /No module named 'numpy'|numpy/i.test(said);
    return {
      available: false,
      reason: numpyMissing
        ? `NumPy cannot be imported by ${settings.python3Path} (${said}); ${INSTALL_HINT}`
        : `Bubblewrap could not start a sandbox (${said || `exit ${sandboxed.status}`}). In a container, allow user namespaces (e.g. Docker's --security-opt seccomp=unconfined --security-opt apparmor=unconfined, or run privileged); otherwise ${INSTALL_HINT}`,
    };
  }
  return { available: true };
}
