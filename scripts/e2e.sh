#!/usr/bin/env bash
# Runs the Playwright tests against the built portal (scripts/build.sh first), once per engine:
# a fresh SQLite file, then a fresh PostgreSQL database.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
addr="127.0.0.1:${E2E_PORT:-3210}"
pg_admin="${WEMI_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
work="target/e2e"
db="wemi_e2e_$$"
server_pid=""
mkdir -p "$work"

cleanup() {
    if [ -n "$server_pid" ]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    server_pid=""
}
trap 'cleanup; psql "$pg_admin" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true' EXIT

run_against() {
    local engine="$1" url="$2"
    echo "e2e: $engine"
    if curl -fs "http://$addr/healthz" >/dev/null 2>&1; then
        echo "e2e: something already answers on $addr; stop it or set E2E_PORT" >&2
        return 1
    fi
    LEPTOS_SITE_ADDR="$addr" DATABASE_URL="$url" WEMI_DEMO_DATA=auto RUST_LOG=warn \
        target/debug/wemi >"$work/server-$engine.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 1 150); do
        curl -fs "http://$addr/healthz" >/dev/null 2>&1 && break
        kill -0 "$server_pid" 2>/dev/null || { cat "$work/server-$engine.log"; return 1; }
        sleep 0.2
    done
    E2E_BASE_URL="http://$addr" npx playwright test --config end2end/playwright.config.mjs
    cleanup
}

rm -f "$work"/wemi.db*
run_against sqlite "sqlite://$work/wemi.db"

psql "$pg_admin" -qc "CREATE DATABASE $db" >/dev/null
run_against postgres "${pg_admin%/*}/$db"
