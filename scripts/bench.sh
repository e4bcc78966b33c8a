#!/usr/bin/env bash
# Benchmark (not part of the tests), in three parts (BENCH_PARTS, default all):
#
# catalogue: loads a large generated catalogue into SQLite and PostgreSQL and measures, per
# engine,
#   - how long the server takes to start on it (it builds the search index at start),
#   - search latency p50/p99 of GET /api/v1/services?q=... for a fixed list of queries,
#   - requests per second of the catalogue page (/servizi) and of the search API under
#     concurrent load (wrk), next to nginx serving a saved copy of the same page: the ceiling
#     for those bytes on this machine.
# Targets: search p99 <= 20 ms at 100k services on both engines; /servizi at >= 50% of nginx.
#
# buying: server/examples/bench_buying.rs, per engine on a fresh database with the demo data:
# checkout throughput (orders per second, placement alone and with payment through the demo
# gateway's signed webhook; latency per order) and 1,000 buyers for the 50 seats of a shared
# service at once (seats sold, double charges, lost payments: must be 50, 0, 0; exits 1 if
# not), then its peak memory.
#
# matching: app/domain/examples/matching_bench.rs ranks 20,000 generated worker profiles
# (BENCH_WORKERS) for 200 generated family requests (BENCH_REQUESTS): time per request (p50,
# p99, max) and peak memory. Pure computation, no database.
#
#   scripts/bench.sh                                   release binaries, 100,000 services
#   BENCH_PARTS=buying scripts/bench.sh                the buying part only
#   WEMI_BIN=target/debug/wemi BENCH_SERVICES=5000 BENCH_PROVIDERS=100 BENCH_BUYERS=50 \
#       BENCH_SEAT_BUYERS=200 scripts/bench.sh        a quick try with debug builds
#
# Environment (defaults in brackets): BENCH_PARTS ["catalogue buying matching"],
# WEMI_BIN [target/release/wemi, built if missing],
# BENCH_ENGINES ["sqlite postgres"], BENCH_SERVICES [100000], BENCH_PROVIDERS [2000],
# BENCH_SEED, BENCH_POSTGRES_URL [postgres://postgres@127.0.0.1:5432/wemi_bench],
# BENCH_DURATION [10s], BENCH_CONNECTIONS [32], BENCH_THREADS [2], BENCH_SEARCH_REPEAT [200],
# BENCH_SEARCH_WARMUP [20], BENCH_START_TIMEOUT [1800 seconds], BENCH_KEEP [0; 1 keeps the
# files and the databases].
# Buying: BENCH_BUYING_BIN [examples/bench_buying next to WEMI_BIN, built if missing],
# BENCH_BUYERS [200], BENCH_CONCURRENCY [16], BENCH_SEAT_BUYERS [1000], BENCH_SEATS [50],
# BENCH_BUYING_POSTGRES_URL [BENCH_POSTGRES_URL's database name + _buying; dropped and
# recreated].
set -euo pipefail
cd "$(dirname "$0")/.."

parts="${BENCH_PARTS:-catalogue buying matching}"
for part in $parts; do
    case "$part" in
        catalogue | buying | matching) ;;
        *) echo "bench: unknown part '$part' in BENCH_PARTS (catalogue, buying, matching)" >&2; exit 2 ;;
    esac
done
has_part() { case " $parts " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

services="${BENCH_SERVICES:-100000}"
providers="${BENCH_PROVIDERS:-2000}"
seed="${BENCH_SEED:-20260624}"
engines="${BENCH_ENGINES:-sqlite postgres}"
pg_url="${BENCH_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/wemi_bench}"
pg_admin="${pg_url%/*}/postgres"
pg_db="${pg_url##*/}"
duration="${BENCH_DURATION:-10s}"
connections="${BENCH_CONNECTIONS:-32}"
threads="${BENCH_THREADS:-2}"
repeat="${BENCH_SEARCH_REPEAT:-200}"
warmup="${BENCH_SEARCH_WARMUP:-20}"
# A debug binary indexing 100k services takes minutes; a release one well under one.
start_timeout="${BENCH_START_TIMEOUT:-1800}"
api_path="/api/v1/services?q=assistenza"

say() { printf '\033[1mbench:\033[0m %s\n' "$*"; }
die() { printf '\033[1mbench:\033[0m %s\n' "$*" >&2; exit 1; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# --- 1. Tools: wrk and nginx from Debian, psql for the PostgreSQL database ---------------
# (The buying part needs none of them: it drops and creates its database itself.)
if has_part catalogue; then
    sudo_cmd=()
    [ "$(id -u)" = 0 ] || sudo_cmd=(sudo)
    missing=()
    command -v wrk >/dev/null || missing+=(wrk)
    command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
    command -v curl >/dev/null || missing+=(curl)
    command -v python3 >/dev/null || missing+=(python3)
    case " $engines " in *" postgres "*) command -v psql >/dev/null || missing+=(postgresql-client) ;; esac
    if [ "${#missing[@]}" -gt 0 ]; then
        say "installing ${missing[*]}"
        "${sudo_cmd[@]}" apt-get update -qq
        "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
    nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
fi

# --- 2. The binaries and the server's settings (as scripts/run.sh) -----------------------
source scripts/env.sh
export LEPTOS_ENV="${LEPTOS_ENV:-PROD}"
bin="${WEMI_BIN:-target/release/wemi}"
if has_part catalogue; then
    if [ ! -x "$bin" ]; then
        [ -z "${WEMI_BIN:-}" ] || die "WEMI_BIN=$bin is not an executable"
        say "no release binary: building it (scripts/build.sh release)"
        scripts/build.sh release
    fi
    case "$bin" in
        *debug*) say "warning: $bin is a debug build; its numbers say little about production" ;;
    esac
    [ -d "$LEPTOS_SITE_ROOT" ] || say "warning: no $LEPTOS_SITE_ROOT (scripts/build.sh makes it); static files will 404"
fi
# The buying bench is an example of the server package, built with the profile of WEMI_BIN's
# folder (target/release/examples/bench_buying next to target/release/wemi).
buying_bin="${BENCH_BUYING_BIN:-$(dirname "$bin")/examples/bench_buying}"
if has_part buying && [ ! -x "$buying_bin" ]; then
    [ -z "${BENCH_BUYING_BIN:-}" ] || die "BENCH_BUYING_BIN=$buying_bin is not an executable"
    case "$buying_bin" in
        target/release/*) say "no $buying_bin: building it"
            cargo build --release -p server --features bench --example bench_buying ;;
        target/debug/*) say "no $buying_bin: building it"
            cargo build -p server --features bench --example bench_buying ;;
        *) die "no $buying_bin (cargo build --release -p server --features bench --example bench_buying)" ;;
    esac
fi

# --- 3. Scratch space, and stopping whatever this script started ------------------------
work="$(mktemp -d "${TMPDIR:-/tmp}/wemi-bench.XXXXXX")"
server_pid=""
nginx_pid=""
pg_created=0

stop_server() {
    if [ -n "$server_pid" ]; then
        kill "$server_pid" 2>/dev/null || true   # SIGTERM: graceful stop
        wait "$server_pid" 2>/dev/null || true
        server_pid=""
    fi
}
stop_nginx() {
    if [ -n "$nginx_pid" ]; then
        kill "$nginx_pid" 2>/dev/null || true    # the master; it stops its workers
        wait "$nginx_pid" 2>/dev/null || true
        nginx_pid=""
    fi
}
cleanup() {
    stop_server
    stop_nginx
    if [ "${BENCH_KEEP:-0}" = 1 ]; then
        say "kept $work$([ "$pg_created" = 0 ] || echo " and the database $pg_db")"
        return
    fi
    rm -rf "$work"
    if [ "$pg_created" = 1 ]; then
        psql "$pg_admin" -Xqc "DROP DATABASE IF EXISTS \"$pg_db\" WITH (FORCE)" >/dev/null 2>&1 || true
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Starts the server on DATABASE_URL=$1 on a free port and waits for /healthz; sets base_url
# and start_secs (time until healthz answered, i.e. migrations + search index build).
start_server() {
    local url="$1" log="$2" port started
    port="$(free_port)"
    base_url="http://127.0.0.1:$port"
    started="$(now)"
    LEPTOS_SITE_ADDR="127.0.0.1:$port" DATABASE_URL="$url" WEMI_DEMO_DATA=off \
        RUST_LOG="${RUST_LOG:-info,sqlx=warn}" "$bin" >>"$log" 2>&1 &
    server_pid=$!
    until curl -fs -o /dev/null "$base_url/healthz"; do
        if ! kill -0 "$server_pid" 2>/dev/null; then
            server_pid=""
            tail -n 20 "$log" >&2
            die "the server stopped (log: $log)"
        fi
        if awk -v t="$(since "$started")" -v max="$start_timeout" 'BEGIN { exit !(t > max) }'; then
            die "the server did not answer /healthz within $start_timeout s (log: $log)"
        fi
        sleep 0.2
    done
    start_secs="$(since "$started")"
}

# Serves the file $1 as /servizi with nginx (2 workers, like the machine's cores) on a free
# port, as the current user, everything under $work/nginx; sets nginx_url.
start_nginx() {
    local page="$1" dir="$work/nginx" port user_line=""
    port="$(free_port)"
    mkdir -p "$dir/www" "$dir/tmp"
    cp "$page" "$dir/www/servizi.html"
    # Started by root, nginx would run its workers as "nobody", who cannot read mktemp's
    # private directory: keep them as the current user.
    [ "$(id -u)" = 0 ] && user_line="user $(id -un) $(id -gn);"
    cat >"$dir/nginx.conf" <<EOF
$user_line
worker_processes 2;
daemon off;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    # The app server keeps a connection open for any number of requests: so does nginx here.
    keepalive_requests 1000000;
    client_body_temp_path $dir/tmp/body;
    proxy_temp_path $dir/tmp/proxy;
    fastcgi_temp_path $dir/tmp/fastcgi;
    uwsgi_temp_path $dir/tmp/uwsgi;
    scgi_temp_path $dir/tmp/scgi;
    types { text/html html; }
    charset utf-8;
    server {
        listen 127.0.0.1:$port;
        root $dir/www;
        location = /servizi { try_files /servizi.html =404; }
    }
}
EOF
    "$nginx_bin" -e "$dir/error.log" -p "$dir" -c "$dir/nginx.conf" &
    nginx_pid=$!
    nginx_url="http://127.0.0.1:$port/servizi"
    for _ in $(seq 1 50); do
        curl -fs -o /dev/null "$nginx_url" && return 0
        kill -0 "$nginx_pid" 2>/dev/null || break
        sleep 0.1
    done
    cat "$dir/error.log" >&2 || true
    die "nginx did not start"
}

# wrk against $1 after a short untimed warm-up; sets wrk_rps, wrk_p99 and wrk_bad (non-2xx
# responses and socket errors, timeouts included). The full output goes to $work/wrk-$2.txt.
# A 10 s timeout instead of wrk's 2 s: a slow (e.g. debug) server then shows as slow, not as
# failing.
run_wrk() {
    local url="$1" name="$2" out
    wrk -t"$threads" -c"$connections" -d2s --timeout 10s "$url" >/dev/null ||
        die "wrk failed on $url"
    out="$(wrk -t"$threads" -c"$connections" -d"$duration" --timeout 10s --latency "$url")" ||
        die "wrk failed on $url"
    printf '%s\n' "$out" >"$work/wrk-$name.txt"
    wrk_rps="$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")"
    wrk_p99="$(awk '$1 == "99%" { print $2 }' <<<"$out")"
    if [ -n "$server_pid" ] && ! kill -0 "$server_pid" 2>/dev/null; then
        server_pid=""
        tail -n 30 "$work"/server-*.log >&2
        die "the server died under load"
    fi
    wrk_bad="$(awk '/Non-2xx or 3xx responses:/ { n += $NF }
        /Socket errors:/ { for (i = 3; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) n += $i }
        END { print n + 0 }' <<<"$out")"
}

# One GET of $1 into the file $2; prints "status bytes". Retried for up to a minute while the
# server answers 408/5xx or not at all: after a load run a slow server may still be working
# off the requests wrk left queued, which must not spoil the next measurement.
fetch() {
    local url="$1" out="$2" reply=""
    for _ in $(seq 1 60); do
        reply="$(curl -s -o "$out" -w '%{http_code} %{size_download}' --max-time 30 "$url")" || true
        case "${reply%% *}" in 408 | 429 | 5?? | 000 | "") sleep 1 ;; *) break ;; esac
    done
    echo "$reply"
}

declare -A result
bench_engine() {
    local engine="$1" url target log="$work/server-$1.log"
    if [ "$engine" = sqlite ]; then
        target="$work/wemi.db"
        url="sqlite://$target"
    else
        if ! psql "$pg_admin" -Xqc "SELECT 1" >/dev/null 2>&1; then
            say "postgres: skipped, nothing answers at $pg_admin (scripts/setup.sh test starts a server)"
            result[$engine:skipped]=1
            return
        fi
        PGOPTIONS="-c client_min_messages=warning" \
            psql "$pg_admin" -Xqc "DROP DATABASE IF EXISTS \"$pg_db\" WITH (FORCE)" >/dev/null
        psql "$pg_admin" -Xqc "CREATE DATABASE \"$pg_db\"" >/dev/null
        pg_created=1
        target="$pg_url"
        url="$pg_url"
    fi

    say "$engine: creating the schema (server start with WEMI_DEMO_DATA=off)"
    start_server "$url" "$log"
    stop_server
    say "$engine: generating $services services and $providers providers"
    python3 scripts/bench/generate.py "--$engine" "$target" \
        --services "$services" --providers "$providers" --seed "$seed"

    say "$engine: starting the server (it builds the search index first)"
    start_server "$url" "$log"
    result[$engine:start]="$start_secs"
    say "$engine: /healthz answered after $start_secs s"
    if [ "$engine" = postgres ]; then
        # The index tables were just filled by the server; autovacuum would analyze them
        # within a minute on a live server, so plan the searches with statistics.
        psql "$url" -Xqc "ANALYZE service_search; ANALYZE search_typos" >/dev/null
    fi

    say "$engine: search latency ($repeat sequential requests per query, one connection)"
    local p50 p99
    python3 scripts/bench/search_latency.py "$base_url" --repeat "$repeat" --warmup "$warmup" \
        --summary "$work/search-$engine.txt" || true   # a missing endpoint shows in the table
    read -r p50 p99 _ _ <"$work/search-$engine.txt"
    result[$engine:p50]="$p50"
    result[$engine:p99]="$p99"

    # The catalogue page as a browser without gzip gets it: the bytes nginx will serve.
    local size status
    read -r status size < <(fetch "$base_url/servizi" "$work/servizi-$engine.html")
    result[$engine:page_status]="$status"
    result[$engine:page_bytes]="$size"
    say "$engine: wrk -t$threads -c$connections -d$duration /servizi (HTTP $status, $size bytes)"
    run_wrk "$base_url/servizi" "$engine-page"
    result[$engine:page_rps]="$wrk_rps"; result[$engine:page_bad]="$wrk_bad"
    say "$engine: /servizi $wrk_rps req/s, p99 $wrk_p99, $wrk_bad errors or non-2xx"

    read -r status size < <(fetch "$base_url$api_path" /dev/null)
    result[$engine:api_status]="$status"
    say "$engine: wrk $api_path (HTTP $status, $size bytes)"
    run_wrk "$base_url$api_path" "$engine-api"
    result[$engine:api_rps]="$wrk_rps"; result[$engine:api_bad]="$wrk_bad"
    say "$engine: search API $wrk_rps req/s, p99 $wrk_p99, $wrk_bad errors or non-2xx"
    stop_server

    # The ceiling: the same bytes from nginx, measured with the app server stopped, so both
    # had the two cores (shared with wrk) to themselves.
    start_nginx "$work/servizi-$engine.html"
    run_wrk "$nginx_url" "$engine-nginx"
    stop_nginx
    result[$engine:nginx_rps]="$wrk_rps"
    say "$engine: nginx, same page: $wrk_rps req/s, p99 $wrk_p99"
}

# --- 4. Catalogue summary -----------------------------------------------------------------
catalogue_summary() {
    verdict() { awk -v v="$1" -v t="$2" -v dir="$3" 'BEGIN {
        if (v == "" || v == "nan") print "n/a"; else if ((dir == "le" && v <= t) || (dir == "ge" && v >= t)) print "ok"; else print "MISSED" }'; }
    echo
    say "results: $services services, $providers providers, wrk -t$threads -c$connections -d$duration, $(nproc) cores, $bin"
    printf '%-9s %9s %9s %9s %6s %10s %10s %10s %8s %6s\n' engine "start s" "p50 ms" "p99 ms" "≤20ms" \
        "page r/s" "api r/s" "nginx r/s" "page/ngx" "≥50%"
    for engine in $engines; do
        if [ -n "${result[$engine:skipped]:-}" ]; then
            printf '%-9s skipped\n' "$engine"
            continue
        fi
        page="${result[$engine:page_rps]}"; ngx="${result[$engine:nginx_rps]}"
        ratio="$(awk -v a="$page" -v b="$ngx" 'BEGIN { if (b > 0) printf "%.1f", 100 * a / b; else print "nan" }')"
        api="${result[$engine:api_rps]}"
        [ "${result[$engine:api_status]}" = 200 ] || api="HTTP ${result[$engine:api_status]}"
        [ "${result[$engine:page_status]}" = 200 ] || page="HTTP ${result[$engine:page_status]}"
        printf '%-9s %9s %9s %9s %6s %10s %10s %10s %7s%% %6s\n' "$engine" "${result[$engine:start]}" \
            "${result[$engine:p50]}" "${result[$engine:p99]}" "$(verdict "${result[$engine:p99]}" 20 le)" \
            "$page" "$api" "$ngx" "$ratio" "$(verdict "$ratio" 50 ge)"
    done
    echo "start: server start until /healthz (migrations + search index build); p50/p99: search"
    echo "latency over all queries; page: /servizi (${result[sqlite:page_bytes]:-${result[postgres:page_bytes]:-?}} bytes, no gzip); api: $api_path"
}

# --- 5. Buying (server/examples/bench_buying.rs) -----------------------------------------
# Its PostgreSQL database: the catalogue's name + _buying, so BENCH_KEEP=1 keeps both apart.
pg_db_name="${pg_db%%\?*}"
buying_pg_url="${BENCH_BUYING_POSTGRES_URL:-${pg_url%/*}/${pg_db_name}_buying${pg_db#"$pg_db_name"}}"
bench_buying() {
    echo
    say "buying: $buying_bin, engines: $engines"
    BENCH_ENGINES="$engines" BENCH_POSTGRES_URL="$buying_pg_url" "$buying_bin" ||
        die "buying: a check failed or the bench stopped (see above)"
}

# --- 6. The parts ---------------------------------------------------------------------------
if has_part catalogue; then
    say "$services services, $providers providers; binary $bin; $(nproc) cores; scratch $work"
    for engine in $engines; do
        case "$engine" in
            sqlite | postgres) bench_engine "$engine" ;;
            *) die "unknown engine '$engine' in BENCH_ENGINES (sqlite, postgres)" ;;
        esac
    done
    catalogue_summary
fi
if has_part buying; then
    bench_buying
fi
if has_part matching; then
    echo
    say "matching: release build of the pure engine (domain::matching)"
    cargo run --release -q -p domain --example matching_bench ||
        die "matching: the bench stopped (see above)"
fi
