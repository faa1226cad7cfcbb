#!/usr/bin/env bash
# `kiln serve` beside FastAPI + uvicorn + scikit-learn, answering single-row JSON predictions of a random forest (100
# trees, 10 numeric features, trained on the same seeded 5,000 rows by each side). wrk posts one row over 32
# connections for the given duration against 127.0.0.1, after a short warm-up; prints requests/s, p99 latency, errors
# and the Kiln/FastAPI throughput ratio. uvicorn runs one worker per core, as Kestrel uses every core; neither side
# writes a log line per request (kiln serve --no-request-log, uvicorn --no-access-log). wrk shares the machine's cores
# with the server it measures, on both sides alike.
# Usage: bench/serve-vs-fastapi.sh [seconds, 60 by default] [connections, 32 by default]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-60}
connections=${2:-32}
warmup=$(( duration < 10 ? 2 : 5 ))
python=/usr/bin/python3
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
out=bench/out/serve
rm -rf "$out" && mkdir -p "$out"
for tool in wrk; do command -v $tool >/dev/null || { echo "serve-vs-fastapi: $tool is missing (apt-get install wrk)" >&2; exit 69; }; done
"$python" -c 'import fastapi, uvicorn, sklearn' 2>/dev/null || { echo "serve-vs-fastapi: apt-get install python3-fastapi python3-uvicorn python3-sklearn" >&2; exit 69; }

"$python" bench/make_serve_csv.py "$out/train.csv" "$out/row.json" 5000
free_port() { "$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT

wait_healthy() {
  for _ in $(seq 1 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/health")" = 200 ] && return 0
    sleep 0.1
  done
  echo "serve-vs-fastapi: the server on port $1 did not become healthy" >&2
  exit 1
}

measure() { # port path name
  BENCH_ROW="$out/row.json" BENCH_PATH="$2" wrk -t2 -c"$connections" -d"${warmup}s" -s bench/serve_post.lua "http://127.0.0.1:$1" >/dev/null
  BENCH_ROW="$out/row.json" BENCH_PATH="$2" wrk -t2 -c"$connections" -d"${duration}s" --latency -s bench/serve_post.lua "http://127.0.0.1:$1" | tee "$out/$3-wrk.txt" >&2
  grep '^RESULT' "$out/$3-wrk.txt" | awk '{ print $2, $3, $4, $5 }'
}

# Kiln: train with kiln train, register, serve
export KILN_HOME="$PWD/$out/kiln-home"
./kiln train "$out/train.csv" --target class --model random-forest-classifier --param n-estimators=100 --seed 0 --out "$out/forest.kiln" --no-track >/dev/null
./kiln registry register forest "$out/forest.kiln" --alias champion >/dev/null
kiln_port=$(free_port)
./kiln serve --port "$kiln_port" --no-request-log >"$out/kiln-serve.log" 2>&1 &
pids+=($!)
wait_healthy "$kiln_port"
echo "kiln answers: $(curl -s -X POST -H 'Content-Type: application/json' --data @"$out/row.json" "http://127.0.0.1:$kiln_port/api/models/forest@champion/predict")" >&2
read -r kiln_rps kiln_p99 kiln_errors kiln_requests < <(measure "$kiln_port" /api/models/forest@champion/predict kiln)
kill "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true

# FastAPI: the same forest in scikit-learn under uvicorn
fastapi_port=$(free_port)
BENCH_CSV="$out/train.csv" "$python" -m uvicorn --app-dir bench serve_fastapi:app --host 127.0.0.1 --port "$fastapi_port" \
  --workers "$(nproc)" --no-access-log --log-level warning >"$out/fastapi.log" 2>&1 &
pids+=($!)
wait_healthy "$fastapi_port"
echo "fastapi answers: $(curl -s -X POST -H 'Content-Type: application/json' --data @"$out/row.json" "http://127.0.0.1:$fastapi_port/predict")" >&2
read -r fastapi_rps fastapi_p99 fastapi_errors fastapi_requests < <(measure "$fastapi_port" /predict fastapi)

echo "$(nproc) cores, load average before the run: $load_before; $connections connections for ${duration}s after a ${warmup}s warm-up;" \
  "FastAPI $("$python" -c 'import fastapi; print(fastapi.__version__)'), uvicorn $("$python" -c 'import uvicorn; print(uvicorn.__version__)') with $(nproc) workers," \
  "scikit-learn $("$python" -c 'import sklearn; print(sklearn.__version__)')"
printf '%-10s %12s %10s %8s %10s\n' server 'requests/s' 'p99 ms' errors requests
printf '%-10s %12.0f %10.2f %8d %10d\n' kiln "$kiln_rps" "$kiln_p99" "$kiln_errors" "$kiln_requests"
printf '%-10s %12.0f %10.2f %8d %10d\n' fastapi "$fastapi_rps" "$fastapi_p99" "$fastapi_errors" "$fastapi_requests"
awk -v k="$kiln_rps" -v f="$fastapi_rps" 'BEGIN { printf "kiln/fastapi throughput: %.2fx (target: kiln >= 5,000 requests/s, p99 < 10 ms, >= 5x FastAPI)\n", k / f }'
