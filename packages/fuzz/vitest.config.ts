import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Thousands of fuzz cases and the scaling runs: bounded, but longer than a unit test.
    testTimeout: 300_000,
  },
});
