import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SandboxSettings } from '@assay/judge';
import { z } from 'zod';

/** Where `pnpm --filter @assay/web build` writes the web app; found from this file, not the working directory. */
const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));
const isWebBuild = (dir: string) => existsSync(join(resolve(dir), 'index.html'));

/**
 * Every environment variable Assay reads, validated in one place ([A1] in SPEC.md). Packages never
 * read process.env; they take options from here.
 */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce
    .number({ message: 'PORT must be a number' })
    .int('PORT must be a whole number')
    .min(0, 'PORT must be between 0 and 65535')
    .max(65535, 'PORT must be between 0 and 65535')
    .default(3000),
  PUBLIC_URL: z.url({ message: 'PUBLIC_URL must be a URL such as https://assess.example.com' }).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'REDIS_URL must start with redis:// or rediss://')
    .optional(),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]+$/, 'REDIS_PREFIX may hold letters, digits, : _ and -')
    .default('assay'),
  DATA_DIR: z.string().min(1).default('.data'),
  ASSAY_ADMIN_EMAIL: z.email({ message: 'ASSAY_ADMIN_EMAIL must be an email address' }).default('admin@assay.local'),
  ASSAY_ADMIN_PASSWORD: z.string().min(12, 'ASSAY_ADMIN_PASSWORD must be at least 12 characters').optional(),
  JUDGE_CONCURRENCY: z.coerce.number().int().min(1, 'JUDGE_CONCURRENCY must be at least 1').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_DIST: z
    .string()
    .refine(
      isWebBuild,
      'WEB_DIST must be a folder holding index.html: build the web app with `pnpm --filter @assay/web build`, or unset WEB_DIST',
    )
    .optional(),
  // [A31] Behind a reverse proxy every request comes from the proxy's address: trust its X-Forwarded-For.
  TRUST_PROXY: z
    .string()
    .regex(
      /^(true|false|[0-9A-Fa-f.:/]+(\s*,\s*[0-9A-Fa-f.:/]+)*)$/,
      'TRUST_PROXY must be true, false, or a comma-separated list of proxy addresses such as 10.0.0.1,10.1.0.0/16',
    )
    .transform((value) => (value === 'true' ? true : value === 'false' ? false : value.split(/\s*,\s*/)))
    .default(false),
  // issue 11 ([A89], [A92]): the key invitation links are sealed with, and the mail server invitations go through.
  SECRET_KEY: z
    .string()
    .min(32, 'SECRET_KEY must be at least 32 characters: generate one with `openssl rand -base64 48`')
    .optional(),
  SMTP_URL: z
    .string()
    .regex(
      /^smtps?:\/\//,
      'SMTP_URL must start with smtp:// or smtps://, such as smtp://user:pass@mail.example.com:587',
    )
    .optional(),
  SMTP_FROM: z.string().min(3).max(200).default('Assay <no-reply@assay.local>'),
  // issue 13 ([J62]): the programs the Python sandbox runs; Python is reported unavailable without them.
  ASSAY_PYTHON: z
    .string()
    .regex(/^\//, 'ASSAY_PYTHON must be the absolute path of a Python 3 interpreter, such as /usr/bin/python3')
    .default('/usr/bin/python3'),
  ASSAY_BWRAP: z.string().min(1).default('bwrap'),
});

export type Config = z.infer<typeof schema> & {
  /** Where candidates and admins reach Assay; links are built from it. */
  publicUrl: string;
  /** Absolute path of DATA_DIR, where the embedded database lives when DATABASE_URL is unset. */
  dataDir: string;
  /**
   * Absolute path of the built web app the API serves ([A18]): WEB_DIST, else apps/web/dist when it has
   * been built. Undefined without a build; the API then serves its own invitation page.
   */
  webDist: string | undefined;
  /** [J62] Where the judge finds Python and bubblewrap: every Judge the API makes takes it. */
  sandbox: SandboxSettings;
};

/** A bad environment; the message names each variable and what is wrong with it. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  readonly code = 'API_ERR_CONFIG';
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Assay cannot start; fix these environment variables:\n${lines.join('\n')}`);
  }
  const config = parsed.data;
  return {
    ...config,
    publicUrl: (
      config.PUBLIC_URL ?? `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`
    ).replace(/\/$/, ''),
    dataDir: resolve(config.DATA_DIR),
    webDist: config.WEB_DIST ? resolve(config.WEB_DIST) : isWebBuild(DEFAULT_WEB_DIST) ? DEFAULT_WEB_DIST : undefined,
    sandbox: { python3Path: config.ASSAY_PYTHON, bwrapPath: config.ASSAY_BWRAP },
  };
}
