#!/usr/bin/env python3
"""Search latency of a running WeMi server, for scripts/bench.sh.

    python3 scripts/bench/search_latency.py http://127.0.0.1:3000 [--repeat 200] [--warmup 20]

Calls GET /api/v1/services?q=... for a fixed list of queries, one request at a time over one
keep-alive connection, so what is measured is the server's time per search (parsing, the
index query, JSON) plus a loopback round trip, not connection set-up or client concurrency.
Prints p50/p99 per query and over all of them; with --summary FILE also writes
"p50_ms p99_ms requests failures" there for the caller.
"""

import argparse
import http.client
import json
import math
import sys
import time
import urllib.parse

# Realistic searches: Italian and English, one or two words, one typo ("babysiter") that
# only the typo index finds, category words and words that appear only in texts or tags.
QUERIES = [
    "babysitter",
    "psicologo",
    "assistenza anziani",
    "pasti a domicilio",
    "corso italiano",
    "babysiter",
    "trasporto disabili",
    "colf",
    "spesa",
    "yoga",
    "home care",
    "dog sitter",
]


def percentile(sorted_values, p):
    """Nearest-rank percentile of an already sorted list."""
    rank = max(1, math.ceil(p / 100 * len(sorted_values)))
    return sorted_values[rank - 1]


class Client:
    """One keep-alive HTTP/1.1 connection, reopened if the server closes it."""

    def __init__(self, base):
        url = urllib.parse.urlsplit(base)
        self.host, self.port = url.hostname, url.port or 80
        self.conn = None

    def get(self, path):
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
                self.conn.connect()
            try:
                started = time.perf_counter()
                self.conn.request("GET", path, headers={"Accept": "application/json"})
                response = self.conn.getresponse()
                body = response.read()
                elapsed = time.perf_counter() - started
                if response.getheader("Connection", "").lower() == "close":
                    self.close()
                return response.status, body, elapsed
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.close()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base", help="server base URL, e.g. http://127.0.0.1:3000")
    parser.add_argument("--repeat", type=int, default=200, help="timed requests per query")
    parser.add_argument("--warmup", type=int, default=20, help="untimed requests per query first")
    parser.add_argument("--summary", help="write 'p50_ms p99_ms requests failures' here")
    args = parser.parse_args()

    client = Client(args.base)
    all_times, failures = [], 0
    # "cold": the first request of a query after the server started, before the server
    # remembers its text matches for the current index version (the timed requests after
    # the warm-up measure the steady state a city's repeated searches see).
    print(f"  {'query':<22} {'results':>8} {'cold ms':>8} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    cold_times = []
    for q in QUERIES:
        path = "/api/v1/services?" + urllib.parse.urlencode({"q": q})
        status, body, first = client.get(path)
        if status != 200:
            failures += 1
            print(f"  {q:<22} HTTP {status}: {body[:80].decode('utf-8', 'replace')!r}")
            continue
        try:
            total = json.loads(body).get("total", "?")
        except (ValueError, AttributeError):
            total = "?"
        for _ in range(args.warmup):
            client.get(path)
        times = []
        for _ in range(args.repeat):
            status, _, elapsed = client.get(path)
            if status != 200:
                failures += 1
                continue
            times.append(elapsed * 1000)
        if not times:
            continue
        times.sort()
        all_times += times
        cold_times.append(first * 1000)
        print(f"  {q:<22} {total!s:>8} {first * 1000:8.2f} {percentile(times, 50):8.2f}"
              f" {percentile(times, 99):8.2f} {times[-1]:8.2f}")
    client.close()

    if all_times:
        all_times.sort()
        p50, p99 = percentile(all_times, 50), percentile(all_times, 99)
        print(f"  {'all queries':<22} {'':>8} {max(cold_times):8.2f} {p50:8.2f} {p99:8.2f}"
              f" {all_times[-1]:8.2f}   ({len(all_times)} requests; cold: the slowest first request)")
    else:
        p50 = p99 = float("nan")
        print("  no successful search: is GET /api/v1/services there?")
    if args.summary:
        with open(args.summary, "w") as f:
            f.write(f"{p50:.2f} {p99:.2f} {len(all_times)} {failures}\n")
    return 0 if all_times else 1


if __name__ == "__main__":
    sys.exit(main())
