#!/usr/bin/env bash
# One real-VS-Code (code-server) run: fresh profile, install the fzlint .vsix and the harness .vsix,
# start code-server on 127.0.0.1, open the workbench in Debian's headless Chromium (the extension host
# starts only when a window connects), wait for the harness to write its JSON result, tear everything down.
# Usage: run-code-server.sh <fzlint.vsix> <harness.vsix> <workspace-dir> <result.json>
# Exit 0 iff the result says ok. Needs scripts/e2e/setup.sh to have run.
set -euo pipefail
FZLINT_VSIX=$1; HARNESS_VSIX=$2; WS=$3; RESULT=$4
E2E_HOME="${FZLINT_E2E_HOME:-$HOME/.cache/fzlint-e2e}"
HERE="$(cd "$(dirname "$0")" && pwd)"
CS_BIN="$E2E_HOME/cs/node_modules/.bin/code-server"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
TIMEOUT_S="${E2E_TIMEOUT_S:-150}"
for need in "$CS_BIN" "$E2E_HOME/node24/package/bin/node" "$CHROMIUM"; do
  [ -x "$need" ] || { echo "missing $need: run scripts/e2e/setup.sh" >&2; exit 3; }
done
export PATH="$E2E_HOME/node24/package/bin:$PATH"
RUN=$(mktemp -d "${TMPDIR:-/tmp}/fzlint-cs.XXXXXX")
PORT=${PORT:-$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}
export XDG_CONFIG_HOME=$RUN/xdg-config XDG_DATA_HOME=$RUN/xdg-data XDG_CACHE_HOME=$RUN/xdg-cache
mkdir -p "$RUN/user/User"
cp "$HERE/code-server/settings.template.json" "$RUN/user/User/settings.json"
printf 'bind-addr: 127.0.0.1:%s\nauth: none\ncert: false\n' "$PORT" > "$RUN/config.yaml"
CS=("$CS_BIN" --config "$RUN/config.yaml" --user-data-dir "$RUN/user" --extensions-dir "$RUN/ext")
"${CS[@]}" --install-extension "$FZLINT_VSIX" --install-extension "$HARNESS_VSIX" >"$RUN/install.log" 2>&1 \
  || { cat "$RUN/install.log" >&2; exit 4; }
rm -f "$RESULT"
export E2E_RESULT_FILE=$RESULT
CS_PID=; CH_PID=
cleanup() {
  for pid in $CH_PID $CS_PID; do kill -- -"$pid" 2>/dev/null || true; done
  sleep 0.3
  for pid in $CH_PID $CS_PID; do kill -9 -- -"$pid" 2>/dev/null || true; done
  [ -n "${KEEP_RUN:-}" ] || rm -rf "$RUN"
}
trap cleanup EXIT
setsid "${CS[@]}" --disable-telemetry --disable-update-check --disable-workspace-trust \
  --disable-getting-started-override "$WS" >"$RUN/code-server.log" 2>&1 & CS_PID=$!
for _ in $(seq 1 300); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.2; done
setsid "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --disable-sync --no-first-run --user-data-dir="$RUN/chromium" \
  --window-size=1400,900 "http://127.0.0.1:$PORT/?folder=$WS" >"$RUN/chromium.log" 2>&1 & CH_PID=$!
for _ in $(seq 1 $((TIMEOUT_S * 10))); do [ -s "$RESULT" ] && break; sleep 0.1; done
if [ ! -s "$RESULT" ]; then
  echo "no result after ${TIMEOUT_S}s; code-server log tail:" >&2; tail -30 "$RUN/code-server.log" >&2; exit 1
fi
node -e "process.exit(JSON.parse(require('fs').readFileSync(process.argv[1],'utf8')).ok ? 0 : 1)" "$RESULT"
