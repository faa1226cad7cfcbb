#!/usr/bin/env bash
# Kiln's decision tree and random forest beside scikit-learn's on the same generated binary classification data (40
# features; the last 50,000 rows held out and predicted). Each side runs in its own process under /usr/bin/time; prints
# the best fit and predict times after a warm-up, Kiln/scikit-learn ratios (below 1 means Kiln is faster), each side's
# held-out accuracy and peak resident memory. Both forests use both cores. Reading the CSV is not timed.
# Usage: bench/trees-vs-sklearn.sh [training rows] [runs] [forest trees]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-200000}
runs=${2:-2}
trees=${3:-100}
python=/usr/bin/python3
mkdir -p bench/out
csv="bench/out/trees-$rows.csv"
[ -f "$csv" ] || "$python" bench/make_trees_csv.py "$csv" $((rows + 50000))
dotnet build bench/Kiln.Bench -c Release -nologo -v:quiet -clp:ErrorsOnly >/dev/null

/usr/bin/time -f "peak_rss_mb %M" -o bench/out/trees-kiln.rss \
  dotnet bench/Kiln.Bench/bin/Release/net10.0/Kiln.Bench.dll trees "$csv" "$runs" "$trees" | tee bench/out/trees-kiln.txt >&2
/usr/bin/time -f "peak_rss_mb %M" -o bench/out/trees-sklearn.rss \
  "$python" bench/trees_sklearn.py "$csv" "$runs" "$trees" | tee bench/out/trees-sklearn.txt >&2

echo "$(nproc) cores, $rows training rows x 40 features, 50000 predicted, forest of $trees trees, scikit-learn $("$python" -c 'import sklearn; print(sklearn.__version__)'), best of $runs"
printf '%-28s %10s %10s %8s\n' measure kiln sklearn kiln/sk
join <(sort bench/out/trees-kiln.txt) <(sort bench/out/trees-sklearn.txt) |
  awk '/accuracy/ { printf "%-28s %10.4f %10.4f %7.4f\n", $1, $2, $3, $2 - $3; next }
       { printf "%-28s %9.3fs %9.3fs %7.2fx\n", $1, $2, $3, $2 / $3 }'
kiln_mb=$(awk '/peak_rss_mb/ { printf "%.0f", $2 / 1024 }' bench/out/trees-kiln.rss)
sklearn_mb=$(awk '/peak_rss_mb/ { printf "%.0f", $2 / 1024 }' bench/out/trees-sklearn.rss)
printf '%-28s %7s MB %7s MB %7.2fx\n' peak_memory "$kiln_mb" "$sklearn_mb" "$(echo "$kiln_mb $sklearn_mb" | awk '{ print $1 / $2 }')"
