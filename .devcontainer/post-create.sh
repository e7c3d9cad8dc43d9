#!/usr/bin/env bash
# Runs once when the codespace (or dev container) is created: installs cargo-nextest and
# builds the checker and the first day, so that `cargo checker` starts checking at once.
set -euo pipefail

if ! cargo nextest --version > /dev/null 2>&1; then
    # A prebuilt binary takes seconds; building it from source takes minutes.
    curl -LsSf https://get.nexte.st/latest/linux \
        | tar zxf - -C "${CARGO_HOME:-$HOME/.cargo}/bin" \
        || cargo install --locked cargo-nextest
fi

cargo checker list
# Builds day 1 with its hidden tests, as the first check in watch mode will; the stubs fail,
# which is expected here.
cargo checker grade --day 1 > /dev/null || true

echo
echo "Ready. Run \`cargo checker\` to start."
