import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'web',
    include: ['src/**/*.test.ts', 'e2e/**/*.test.ts'],
    globalSetup: ['e2e/globalSetup.ts'],
    // The browser tests run a real API in this process, and its judge loads isolated-vm.
    execArgv: ['--no-node-snapshot'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
