import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Property tests: a fixed fast-check seed under CI, a fresh one locally (FC_SEED overrides).
    setupFiles: ['../../scripts/vitest/fast-check-seed.ts'],
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // End-to-end tests spawn the built binary; on a loaded two-core machine one spawn can take seconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
