import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // End-to-end tests spawn the built binary; on a loaded two-core machine one spawn can take seconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
