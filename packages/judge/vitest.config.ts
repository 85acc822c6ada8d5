import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'judge',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The judge forks its own sandbox processes; these flags matter only if a test loads isolated-vm itself.
    execArgv: ['--no-node-snapshot'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
