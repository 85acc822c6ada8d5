// Entry point of a judge child process (`node --no-node-snapshot`), started by ChildPool ([J18]).
// It judges one job at a time and reports each test as it starts and ends, so the supervisor can
// attribute a crash or a hang to the test that caused it.
import { IsolatedVmRunner } from './IsolatedVmRunner.ts';
import type { ChildMessage, ParentMessage } from './protocol.ts';

const runner = new IsolatedVmRunner();
const send = (message: ChildMessage) => process.send?.(message);

process.on('message', (message: ParentMessage) => {
  if (message.type === 'job') void runner.run(message.job, send);
});
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });
