import { defineConfig } from 'vitest/config';

// The browser tier (headless Debian Chromium driven by playwright-core) needs scripts/e2e/setup.sh.
// It runs in CI (CI=true) and with FZLINT_E2E=1, like the other real-client tiers; a plain local
// `pnpm test` leaves it out (test/e2e-browser.test.ts says so when it is skipped).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 240_000,
    // The page re-checks a batch in its worker after a click; on a loaded 2-core CI machine that
    // can take longer than expect.poll's default second, so polls wait as long as the page may need.
    expect: { poll: { timeout: 30_000, interval: 50 } },
  },
});
