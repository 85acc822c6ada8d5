import type { SandboxSettings } from '@assay/judge';

/**
 * The command lines' edge ([J62]): ASSAY_PYTHON and ASSAY_BWRAP, read as the API reads them, so
 * `pnpm judge` and `pnpm problems` judge Python with the same programs as the server. Unset or empty
 * leaves the judge's default (/usr/bin/python3, bwrap on PATH).
 */
export function sandboxFromEnv(env: Record<string, string | undefined> = process.env): Partial<SandboxSettings> {
  return {
    ...(env.ASSAY_PYTHON ? { python3Path: env.ASSAY_PYTHON } : {}),
    ...(env.ASSAY_BWRAP ? { bwrapPath: env.ASSAY_BWRAP } : {}),
  };
}
