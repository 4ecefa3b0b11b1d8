#!/usr/bin/env bash
# mtclean serve against the command line, in the same run, on generated
# news articles of about 2 KB: requests per second and latency (p50, p99) of
#
#   - `mtclean fix -`, one process per article, one after the other (what a
#     pipeline that shells out per story pays);
#   - `mtclean serve --jobs 1` and `--jobs 2`, POST /v1/fix from CLIENTS
#     kept-alive connections at once (bench/serve_load.cc, a C++ client on
#     cpp-httplib; it runs on the same machine and takes some of its CPU).
#
#   bench/serve_bench.sh [--build DIR] [--requests N] [--clients N] [--articles N]
#
# --requests: answers measured per server run (default 4000, after 100 of
# warm-up); --clients: connections at once (default 4); --articles: distinct
# articles, and CLI runs for the baseline (default 200). Needs a build with
# -DMTCLEAN_BUILD_BENCH=ON (generate_corpus, serve_load).
set -euo pipefail
cd "$(dirname "$0")/.."

build=build
requests=4000
clients=4
articles=200
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build="$2"; shift 2 ;;
    --requests) requests="$2"; shift 2 ;;
    --clients) clients="$2"; shift 2 ;;
    --articles) articles="$2"; shift 2 ;;
    *) echo "usage: $0 [--build DIR] [--requests N] [--clients N] [--articles N]" >&2; exit 2 ;;
  esac
done

for f in "$build/mtclean" "$build/bench/generate_corpus" "$build/bench/serve_load"; do
  if [ ! -x "$f" ]; then
    echo "serve_bench: $f missing (build with -DMTCLEAN_BUILD_BENCH=ON)" >&2
    exit 2
  fi
done
mtclean="$(realpath "$build/mtclean")"
generator="$(realpath "$build/bench/generate_corpus")"
load="$(realpath "$build/bench/serve_load")"

work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
export MTCLEAN_DATA_DIR="$PWD"  # the source tree's rules and word lists
export MTCLEAN_CACHE_DIR="$work/cache"
cd "$work"  # no .mtclean.yaml applies

corpus="$work/articles.jsonl"
"$generator" --doc-bytes 2000 --bytes "$((articles * 2150))" >"$corpus" 2>/dev/null
mean_bytes=$(python3 -c "import json,sys; t=[len(json.loads(l)['text'].encode()) for l in open(sys.argv[1])]; print(len(t), sum(t)//len(t))" "$corpus")
echo "articles: ${mean_bytes% *}, mean ${mean_bytes#* } bytes; $requests requests from $clients clients per server run"
"$mtclean" rules >/dev/null  # compiles the pattern databases into the cache once

# The baseline: one `mtclean fix -` per article.
python3 - "$mtclean" "$corpus" >"$work/cli.json" <<'EOF'
import json, subprocess, sys, time
binary, corpus = sys.argv[1:3]
texts = [json.loads(line)["text"].encode() for line in open(corpus)]
latencies = []
start = time.perf_counter()
for text in texts:
    t0 = time.perf_counter()
    subprocess.run([binary, "fix", "-"], input=text, stdout=subprocess.DEVNULL, check=True)
    latencies.append((time.perf_counter() - t0) * 1000)
seconds = time.perf_counter() - start
latencies.sort()
pick = lambda p: latencies[min(len(latencies) - 1, int(p * len(latencies)))]
print(json.dumps({"requests": len(texts), "errors": 0, "seconds": seconds,
                  "requests_per_second": len(texts) / seconds,
                  "p50_ms": pick(0.50), "p99_ms": pick(0.99)}))
EOF

serve_run() {  # JOBS -> the load client's JSON line in $work/serve-JOBS.json
  local jobs="$1" port=""
  "$mtclean" serve --listen 127.0.0.1:0 --jobs "$jobs" --max-in-flight 64 \
    2>"$work/serve-$jobs.log" &
  server_pid=$!
  for _ in $(seq 1 600); do
    port=$(sed -n 's/^mtclean: listening on http:\/\/127\.0\.0\.1:\([0-9]*\) .*/\1/p' \
      "$work/serve-$jobs.log")
    [ -n "$port" ] && break
    sleep 0.1
  done
  if [ -z "$port" ]; then
    echo "serve_bench: the server did not start:" >&2
    cat "$work/serve-$jobs.log" >&2
    exit 1
  fi
  "$load" --port "$port" --corpus "$corpus" --clients "$clients" --requests "$requests" \
    --warmup 100 >"$work/serve-$jobs.json"
  kill -TERM "$server_pid"
  wait "$server_pid"
  server_pid=""
}
serve_run 1
serve_run 2

python3 - "$work" <<'EOF'
import json, sys
work = sys.argv[1]
rows = [("mtclean fix - (a process per article)", json.load(open(f"{work}/cli.json"))),
        ("mtclean serve --jobs 1", json.load(open(f"{work}/serve-1.json"))),
        ("mtclean serve --jobs 2", json.load(open(f"{work}/serve-2.json")))]
base = rows[0][1]["requests_per_second"]
print(f"{'':40} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'x fix -':>8} {'errors':>7}")
for name, r in rows:
    print(f"{name:40} {r['requests_per_second']:9.1f} {r['p50_ms']:8.2f} {r['p99_ms']:8.2f} "
          f"{r['requests_per_second'] / base:8.1f} {r['errors']:7d}")
EOF
