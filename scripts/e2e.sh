#!/usr/bin/env bash
# Runs the Playwright tests against the built portal (scripts/build.sh first), once per engine:
# a fresh SQLite file, then a fresh PostgreSQL database.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
addr="127.0.0.1:${E2E_PORT:-3210}"
pg_admin="${WEMI_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
work="target/e2e"
mkdir -p "$work"

run_against() {
    local engine="$1" url="$2"
    echo "e2e: $engine"
    LEPTOS_SITE_ADDR="$addr" DATABASE_URL="$url" WEMI_DEMO_DATA=auto RUST_LOG=warn \
        target/debug/wemi >"$work/server-$engine.log" 2>&1 &
    local pid=$!
    trap 'kill $pid 2>/dev/null || true' RETURN
    for _ in $(seq 1 100); do
        curl -fs "http://$addr/healthz" >/dev/null 2>&1 && break
        kill -0 "$pid" 2>/dev/null || { cat "$work/server-$engine.log"; return 1; }
        sleep 0.2
    done
    E2E_BASE_URL="http://$addr" npx playwright test --config end2end/playwright.config.mjs
}

rm -f "$work"/wemi.db*
run_against sqlite "sqlite://$work/wemi.db"

db="wemi_e2e_$$"
psql "$pg_admin" -qc "CREATE DATABASE $db" >/dev/null
trap 'psql "$pg_admin" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null' EXIT
run_against postgres "${pg_admin%/*}/$db"
