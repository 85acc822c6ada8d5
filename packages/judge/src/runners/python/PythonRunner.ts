import type { ChildMessage, SandboxJob } from '../../runner/protocol.ts';
import type { SandboxRunner, SandboxSettings } from '../../runner/Runner.ts';

// Placeholder while the runner is written (issue 13); replaced before the issue closes.
export class PythonRunner implements SandboxRunner {
  constructor(readonly settings: SandboxSettings) {}
  async run(_job: SandboxJob, emit: (message: ChildMessage) => void): Promise<void> {
    emit({ type: 'job-failed', message: 'the Python runner is not built yet' });
  }
}
