import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Scaling and property tests do real work; on a loaded CI machine they can pass 5 s without hanging.
    testTimeout: 60_000,
    // Hooks that spawn a process or a browser, or compile a module, take as long as a test under load (the default is 10 s).
    hookTimeout: 60_000,
    // Property tests: a fixed fast-check seed under CI, a fresh one locally (FC_SEED overrides).
    setupFiles: ['../../scripts/vitest/fast-check-seed.ts'],
  },
});
