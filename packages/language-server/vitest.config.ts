import { defineConfig } from 'vitest/config';

// The real-client tiers (Neovim, code-server) need `scripts/e2e/setup.sh` (apt packages, Node 24,
// code-server). They run in CI (CI=true) and with `pnpm e2e` (FZLINT_E2E=1); a plain local
// `pnpm test` leaves them out so that it works on a machine with only Node and npm.
const realClients = process.env.CI === 'true' || process.env.FZLINT_E2E === '1';

export default defineConfig({
  test: {
    // Property tests: a fixed fast-check seed under CI, a fresh one locally (FC_SEED overrides).
    setupFiles: ['../../scripts/vitest/fast-check-seed.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', ...(realClients ? [] : ['test/e2e-*.test.ts'])],
    // Protocol and real-client tests start processes; a slow shared machine needs room.
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
});
