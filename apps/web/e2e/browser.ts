import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Where Debian puts its Chromium (`.ci/run` installs it); CHROMIUM_PATH points elsewhere. */
const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** Chromium is missing; the message says how to get it. */
export class ChromiumNotFound extends Error {
  override name = 'ChromiumNotFound';
  readonly code = 'E2E_CHROMIUM_NOT_FOUND';
}

/**
 * The system's Chromium, headless, for browser tests and benches. playwright-core downloads no browser
 * of its own, so every machine runs the same Debian package CI installs.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM;
  if (!existsSync(executablePath)) {
    throw new ChromiumNotFound(
      `Chromium not found at ${executablePath}; install it with \`apt-get install chromium\` or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({
    executablePath,
    // Quiet and deterministic: no sandbox (containers, root), no GPU, no background traffic or first-run UI.
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
