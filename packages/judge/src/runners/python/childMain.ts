// Entry point of a Python judge child process, started by ChildPool ([J18], [J60]).

import type { SandboxSettings } from '../../runner/Runner.ts';
import { serveRunner } from '../../runner/serveRunner.ts';
import { PythonRunner } from './PythonRunner.ts';

serveRunner(new PythonRunner(JSON.parse(process.argv[2] ?? '{}') as SandboxSettings));
