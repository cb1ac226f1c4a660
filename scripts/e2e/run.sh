#!/usr/bin/env bash
# Runs the real-client tiers locally: installs what they need (once), builds, then the Neovim tier
# (language server package), the code-server tier (extension package) and the browser tier (web package).
# Usage: scripts/e2e/run.sh      (the same tests also run inside `pnpm test`)
set -euo pipefail
export FZLINT_E2E=1
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
scripts/e2e/setup.sh
pnpm --filter "fzlint-vscode..." --filter "@fzlint/web..." build
(cd packages/language-server && npx vitest run test/e2e-neovim.test.ts)
(cd extensions/vscode && npx vitest run test/e2e-code-server.test.ts)
(cd packages/web && npx vitest run test/e2e-browser.test.ts)
