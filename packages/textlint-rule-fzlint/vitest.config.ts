import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The end-to-end tests start the host tool in a child process.
    testTimeout: 60_000,
  },
});
