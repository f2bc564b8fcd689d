import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.spec.ts', 'test/**/*.test.ts'],
    pool: 'forks',
    globalSetup: ['test/global-setup.ts'],
    // Two files at a time on two cores: a file mostly waits on its database or its browser, so the pass takes
    // about half as long. A long browser path under that load gets more time before it counts as hung.
    maxWorkers: 2,
    // A worker keeps its loaded modules from one file to the next instead of importing the app again for each
    // file; each file still builds its own app and database, and closes them in afterAll.
    isolate: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
    reporters: ['default'],
    // Browser assertions poll the page; a loaded CI machine needs more than the 1 s default.
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
