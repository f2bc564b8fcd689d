import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.spec.ts', 'test/**/*.test.ts'],
    pool: 'forks',
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['default'],
    // Browser assertions poll the page; a loaded CI machine needs more than the 1 s default.
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
