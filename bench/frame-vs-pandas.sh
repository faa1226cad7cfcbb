#!/usr/bin/env bash
# Kiln's Frame beside pandas on the same generated CSV (1M rows x 10 columns: 8 float64, 1 string, 1 int64).
# Prints each operation's best time for both and the ratio pandas/Kiln (above 1 means Kiln is faster).
# Usage: bench/frame-vs-pandas.sh [rows] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
runs=${2:-5}
python=/usr/bin/python3
"$python" -c "import pandas" 2>/dev/null || {
  [ "$(id -u)" = 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-pandas >/dev/null
}
mkdir -p bench/out
csv="bench/out/frame-$rows.csv"
[ -f "$csv" ] || "$python" bench/make_frame_csv.py "$csv" "$rows"
dotnet build bench/Kiln.Bench -c Release -nologo -v:quiet -clp:ErrorsOnly >/dev/null

kiln=$(dotnet bench/Kiln.Bench/bin/Release/net10.0/Kiln.Bench.dll frame "$csv" "$runs")
pandas=$("$python" bench/frame_pandas.py "$csv" "$runs")
raw_bytes=$((rows * (8 * 8 + 8 + 8)))  # 8 doubles, one int64, an 8-character city name

echo "$(nproc) cores, $rows rows, $(du -h "$csv" | cut -f1) CSV, pandas $("$python" -c 'import pandas; print(pandas.__version__)'), best of $runs"
printf '%-14s %10s %10s %8s\n' operation kiln pandas ratio
join <(echo "$kiln" | sort) <(echo "$pandas" | sort) | awk -v raw="$raw_bytes" '
  $1 == "memory_bytes" { printf "%-14s %9.0fM %9.0fM %6.2fx raw\n", "memory", $2 / 1e6, $3 / 1e6, $2 / raw; next }
  { printf "%-14s %9.3fs %9.3fs %7.2fx\n", $1, $2, $3, $3 / $2 }'
