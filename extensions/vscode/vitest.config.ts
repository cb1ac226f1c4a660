import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The real-client tiers (Neovim, code-server) need `scripts/e2e/setup.sh` (apt packages, Node 24,
// code-server). They run in CI (CI=true) and with `pnpm e2e` (FZLINT_E2E=1); a plain local
// `pnpm test` leaves them out so that it works on a machine with only Node and npm.
const realClients = process.env.CI === 'true' || process.env.FZLINT_E2E === '1';

export default defineConfig({
  resolve: {
    // The `vscode` module exists only inside the editor; unit tests get a small fake.
    alias: { vscode: fileURLToPath(new URL('./test/vscode-mock.ts', import.meta.url)) },
  },
  test: {
    exclude: ['**/node_modules/**', '**/dist/**', ...(realClients ? [] : ['test/e2e-*.test.ts'])],
    include: ['test/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 60_000,
  },
});
