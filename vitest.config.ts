import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 20_000,
    // Test files share a worker's modules instead of importing everything afresh per file: a third of the
    // suite's CPU went to imports. No test mocks modules, and the caches modules keep are keyed by content.
    isolate: false,
    // Two files at a time on this 2-core machine (vitest's default is one fewer than the cores): much of a file's
    // time is spent in child processes, worker threads and the disk.
    maxWorkers: 2,
  },
});
