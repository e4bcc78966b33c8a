#!/usr/bin/env bash
# Runs the Playwright tests against the built portal (scripts/build.sh first), once per engine:
# a fresh SQLite file, then a fresh PostgreSQL database. Arguments go to Playwright (a spec
# file's name runs only that file: `scripts/e2e.sh domestic`).
set -euo pipefail
playwright_args=("$@")
cd "$(dirname "$0")/.."
source scripts/env.sh
addr="127.0.0.1:${E2E_PORT:-3210}"
# The local stand-ins for the city's SMTP relay and identity broker (test code in
# server/tests/common, speaking SMTP and OpenID Connect).
smtp_port="${E2E_SMTP_PORT:-2526}"
oidc_port="${E2E_OIDC_PORT:-4011}"
pg_admin="${WEMI_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
work="target/e2e"
db="wemi_e2e_$$"
server_pid=""
helper_pids=""
mkdir -p "$work"
cargo build -q -p server --example smtp_sink --example fake_oidc

cleanup() {
    for pid in $server_pid $helper_pids; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    server_pid=""
    helper_pids=""
}
trap 'cleanup; psql "$pg_admin" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true' EXIT

run_against() {
    local engine="$1" url="$2"
    echo "e2e: $engine"
    if curl -fs "http://$addr/healthz" >/dev/null 2>&1; then
        echo "e2e: something already answers on $addr; stop it or set E2E_PORT" >&2
        return 1
    fi
    local mail_dir="$work/mail-$engine"
    rm -rf "$mail_dir" && mkdir -p "$mail_dir"
    target/debug/examples/smtp_sink --port "$smtp_port" --dir "$mail_dir" >"$work/smtp-$engine.log" 2>&1 &
    helper_pids="$!"
    target/debug/examples/fake_oidc --port "$oidc_port" --client-id wemi-e2e \
        --client-secret e2e-secret --redirect-uri "http://$addr/" >"$work/oidc-$engine.log" 2>&1 &
    helper_pids="$helper_pids $!"
    for _ in $(seq 1 50); do
        curl -fs "http://127.0.0.1:$oidc_port/.well-known/openid-configuration" >/dev/null 2>&1 && break
        sleep 0.2
    done
    LEPTOS_SITE_ADDR="$addr" DATABASE_URL="$url" WEMI_DEMO_DATA=auto RUST_LOG=warn \
        WEMI_PUBLIC_URL="http://$addr" WEMI_SMTP_URL="smtp://127.0.0.1:$smtp_port" \
        WEMI_OIDC_ISSUER="http://127.0.0.1:$oidc_port" WEMI_OIDC_CLIENT_ID=wemi-e2e \
        WEMI_OIDC_CLIENT_SECRET=e2e-secret \
        target/debug/wemi >"$work/server-$engine.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 1 150); do
        curl -fs "http://$addr/healthz" >/dev/null 2>&1 && break
        kill -0 "$server_pid" 2>/dev/null || { cat "$work/server-$engine.log"; return 1; }
        sleep 0.2
    done
    E2E_BASE_URL="http://$addr" E2E_MAIL_DIR="$mail_dir" E2E_OIDC_URL="http://127.0.0.1:$oidc_port" \
        npx playwright test --config end2end/playwright.config.mjs "${playwright_args[@]}"
    cleanup
}

rm -f "$work"/wemi.db*
run_against sqlite "sqlite://$work/wemi.db"

psql "$pg_admin" -qc "CREATE DATABASE $db" >/dev/null
run_against postgres "${pg_admin%/*}/$db"
