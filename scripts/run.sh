#!/usr/bin/env bash
# Starts the portal: installs what is missing, builds (release), and serves on
# LEPTOS_SITE_ADDR (default 127.0.0.1:3000) with DATABASE_URL (default a SQLite file under
# data/, created with the demo data on first start).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh run
scripts/build.sh release
source scripts/env.sh
export LEPTOS_ENV="${LEPTOS_ENV:-PROD}"
exec target/release/wemi
