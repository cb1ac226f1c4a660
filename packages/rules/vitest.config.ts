import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Property tests: a fixed fast-check seed under CI, a fresh one locally (FC_SEED overrides).
    setupFiles: ['../../scripts/vitest/fast-check-seed.ts'],
  },
});
