#!/usr/bin/env bash
# Runs every test: Rust (unit + integration), UI (type check + vitest), and end-to-end journeys in
# the real app window (under Xvfb when there is no display). Installs whatever is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
export GUILDBOOK_SETUP_E2E=1
./scripts/setup.sh
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"
export PATH="$HOME/.cargo/bin:$PATH"

# Each step's time, printed again at the end (also when a step fails) so a slow run says where.
started=0 step_name="setup (installs)" step_started=0 timings=""
step() {
  timings+="$(printf '%5ss  %s' $((SECONDS - step_started)) "$step_name")"$'\n'
  step_name="$*" step_started=$SECONDS
  printf '\n\033[1;34m== %s ==\033[0m\n' "$*"
}
report() {
  step "done"
  printf '\nTime per step:\n%s%5ss  in all\n' "$timings" $((SECONDS - started))
  [ -n "${xvfb_pid:-}" ] && kill "$xvfb_pid" 2>/dev/null || true
}
trap report EXIT

step "UI: type check, unit tests and build"
(cd ui && npm run check && npm test && npm run build)

step "Rust: formatting and lints (the shipped code, warnings are errors)"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings

# The app embeds the built UI (custom-protocol). Tests and the E2E binary share one build, a test
# build (`e2e`: dialog answers from a file, queued drops, fault injection; never shipped).
step "Rust: cargo test --workspace"
cargo test --workspace --features custom-protocol,e2e --locked

step "The app (test build), with the UI embedded"
cargo build -p guildbook-app --features custom-protocol,e2e --locked

step "End-to-end: user journeys in the real window"
rm -rf test-output && mkdir -p test-output
xvfb_pid=""
if [ -z "${DISPLAY:-}" ]; then
  export DISPLAY=:97
  Xvfb "$DISPLAY" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  sleep 1
fi
(cd tests/e2e && npm test)
echo "Screenshots and timings: test-output/"
