#!/usr/bin/env bash
# Installs what Guildbook needs to build, run and test, and nothing that is already there.
# Safe to run again: every step checks before it installs.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

SYSTEM_PACKAGES=(
  libwebkit2gtk-4.1-dev build-essential curl wget file pkg-config libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev webkit2gtk-driver xvfb xauth
  poppler-utils imagemagick qpdf fonts-dejavu-core sqlite3
)

missing=()
for p in "${SYSTEM_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing system packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v cargo >/dev/null 2>&1; then
  log "installing the Rust toolchain (rustup)"
  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal
  # shellcheck disable=SC1091
  . "$HOME/.cargo/env"
fi

if ! command -v node >/dev/null 2>&1; then
  log "installing Node.js and npm"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nodejs npm
fi

# The UI toolchain (Vite 7) needs Node.js 20 or newer; older distributions ship 18.
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
  log "Node.js $node_major is too old: installing Node.js 20 from the npm registry"
  npm install -g node@20
  hash -r
fi

if [ "${GUILDBOOK_SETUP_E2E:-0}" = "1" ] && ! command -v tauri-driver >/dev/null 2>&1; then
  log "installing tauri-driver (WebDriver bridge for end-to-end tests)"
  cargo install tauri-driver --locked
fi

if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  log "installing UI dependencies (npm ci)"
  (cd ui && npm ci --no-audit --no-fund)
fi
if [ ! -d tests/e2e/node_modules ] || [ tests/e2e/package-lock.json -nt tests/e2e/node_modules/.package-lock.json ]; then
  if [ "${GUILDBOOK_SETUP_E2E:-0}" = "1" ]; then
    log "installing end-to-end test dependencies (npm ci)"
    (cd tests/e2e && npm ci --no-audit --no-fund)
  fi
fi
log "ready"
