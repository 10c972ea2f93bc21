#!/usr/bin/env bash
# Installs whatever is missing, builds Guildbook and opens it on the demo workspace.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"
export PATH="$HOME/.cargo/bin:$PATH"
(cd ui && npm run build)
cargo build -p guildbook-app --features custom-protocol --locked
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "No display found: starting the app under Xvfb on :96 (screenshot with: DISPLAY=:96 import -window root shot.png)"
  export DISPLAY=:96
  Xvfb "$DISPLAY" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
  sleep 1
fi
GUILDBOOK_DEMO=1 exec ./target/debug/guildbook-app
