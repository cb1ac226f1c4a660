import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The end-to-end tests start the host tool in a child process.
    testTimeout: 60_000,
    // Hooks that spawn a process or a browser, or compile a module, take as long as a test under load (the default is 10 s).
    hookTimeout: 60_000,
  },
});
