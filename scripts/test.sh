#!/usr/bin/env bash
# The whole test suite (what CI runs): formatting, lints, unit tests, integration tests against
# the real server on SQLite and PostgreSQL, and end-to-end tests in Chromium with accessibility
# scans. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
step() { printf '\n\033[1m== %s (%ss)\033[0m\n' "$*" "$(( $(date +%s) - start ))"; }

step "setup"
scripts/setup.sh test
source scripts/env.sh

step "format"
cargo fmt --all -- --check

step "lints"
cargo clippy -p domain --all-targets -- -D warnings
cargo clippy -p app --features ssr --all-targets -- -D warnings
cargo clippy -p frontend --target wasm32-unknown-unknown -- -D warnings
cargo clippy -p server --all-targets --features bench -- -D warnings

step "build"
scripts/build.sh debug

step "unit tests"
cargo test -p domain
cargo test -p app --features ssr

step "integration tests (SQLite and PostgreSQL)"
# One test at a time: each starts a whole server (and PostgreSQL database); two at once on a
# 2-core machine made some requests stall past the server's 30 s timeout (see the README).
cargo test -p server -- --test-threads 1

step "end-to-end tests (Chromium)"
scripts/e2e.sh

step "all tests passed"
