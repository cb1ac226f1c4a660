#!/usr/bin/env bash
# Screenshot of the Problems panel with fzlint's Chinese findings, for the extension README.
# Usage: scripts/e2e/screenshot.sh [out.png]   (default extensions/vscode/images/problems-panel.png)
# Needs scripts/e2e/setup.sh and a built, packaged extension (pnpm --filter fzlint-vscode package).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OUT="$(realpath -m "${1:-$ROOT/extensions/vscode/images/problems-panel.png}")"
E2E_HOME="${FZLINT_E2E_HOME:-$HOME/.cache/fzlint-e2e}"
export PATH="$E2E_HOME/node24/package/bin:$PATH"
RUN=$(mktemp -d "${TMPDIR:-/tmp}/fzlint-shot.XXXXXX")
PORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
export XDG_CONFIG_HOME=$RUN/xdg-config XDG_DATA_HOME=$RUN/xdg-data XDG_CACHE_HOME=$RUN/xdg-cache
mkdir -p "$RUN/user/User" "$RUN/ws"
cp "$ROOT/scripts/e2e/code-server/settings.template.json" "$RUN/user/User/settings.json"
cat > "$RUN/ws/2023年度报告.md" <<'MD'
# XX市2023年法治政府建设年度报告

## 一、2023年推进法治政府建设的主要举措和成效

全面推进法冶政府建设，深入贯彻《法治政府建设实施纲要（2015—2020年）》。全年共收到行政复议申请106件，审结115件，审结率108.5%。

## 二、2024年推进法治政府建设的主要安排

继续深化“放管服”改革。
MD
printf 'bind-addr: 127.0.0.1:%s\nauth: none\ncert: false\n' "$PORT" > "$RUN/config.yaml"
CS=("$E2E_HOME/cs/node_modules/.bin/code-server" --config "$RUN/config.yaml" --user-data-dir "$RUN/user" --extensions-dir "$RUN/ext")
"${CS[@]}" --install-extension "$ROOT/extensions/vscode/fzlint-vscode.vsix" >"$RUN/install.log" 2>&1
setsid "${CS[@]}" --disable-telemetry --disable-update-check --disable-workspace-trust \
  --disable-getting-started-override "$RUN/ws" >"$RUN/code-server.log" 2>&1 & CS_PID=$!
trap 'kill -- -$CS_PID 2>/dev/null || true; sleep 0.3; kill -9 -- -$CS_PID 2>/dev/null || true; rm -rf "$RUN"' EXIT
for _ in $(seq 1 300); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.2; done
mkdir -p "$(dirname "$OUT")"
NODE_PATH="$E2E_HOME/pw/node_modules" node "$ROOT/scripts/e2e/code-server/screenshot.cjs" \
  "http://127.0.0.1:$PORT/?folder=$RUN/ws" "2023年度报告.md" "$OUT"
echo "wrote $OUT"
