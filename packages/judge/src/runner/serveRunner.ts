import type { ChildMessage, ParentMessage } from './protocol.ts';
import type { SandboxRunner } from './Runner.ts';

/**
 * The body of every runner's child entry point ([J18], [J51]): it judges one job at a time with
 * `runner`, sends each message to the supervising ChildPool, and exits when the pool goes away.
 */
export function serveRunner(runner: SandboxRunner): void {
  const send = (message: ChildMessage) => process.send?.(message);
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'job') void runner.run(message.job, send);
  });
  process.on('disconnect', () => process.exit(0));
  // A runner with a sandbox to warm (Python's interpreter) is ready once that has started.
  Promise.resolve(runner.start?.()).then(
    () => send({ type: 'ready' }),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
