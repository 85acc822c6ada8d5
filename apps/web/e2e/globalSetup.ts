// Browser test files run in parallel and each starts a server over apps/web/dist: build it once,
// before any of them, so no two files build it at the same time.
import { ensureWebBuild } from '../../../scripts/ensureWebBuild.ts';

export default async function setup(): Promise<void> {
  await ensureWebBuild();
}
