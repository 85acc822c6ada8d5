// Entry point of an isolated-vm judge child process (`node --no-node-snapshot`), started by ChildPool ([J18]).
import { serveRunner } from '../../runner/serveRunner.ts';
import { IsolatedVmRunner } from './IsolatedVmRunner.ts';

serveRunner(new IsolatedVmRunner());
