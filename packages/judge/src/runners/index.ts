import type { RunnerId } from '../languages/languages.ts';
import type { RunnerDefinition } from '../runner/Runner.ts';
import { isolatedVmRunner } from './isolatedVm/index.ts';
import { pythonRunner } from './python/index.ts';

/** Every sandbox runner, by the id languages name ([J50], [J51]). A new runner is a sibling folder plus its line here. */
export const RUNNERS: Record<RunnerId, RunnerDefinition> = {
  'isolated-vm': isolatedVmRunner,
  python: pythonRunner,
};
