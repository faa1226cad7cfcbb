#!/usr/bin/env bash
# Kiln's learners beside scikit-learn's on the same generated data: a 3-class make_classification set and a
# make_regression set, 40 numeric features each (k-NN on the first 20k rows, predicting the next 5k). Each side runs
# in its own process under /usr/bin/time; prints the best fit and predict times, Kiln/scikit-learn ratios (below 1
# means Kiln is faster) and each side's peak resident memory. Reading the CSV is not timed.
# Usage: bench/learners-vs-sklearn.sh [rows] [runs] [models, comma-separated: all when left out]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-200000}
runs=${2:-2}
models=${3:-}
python=/usr/bin/python3
"$python" -c "import sklearn, pandas" 2>/dev/null || {
  [ "$(id -u)" = 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-sklearn python3-pandas >/dev/null
}
mkdir -p bench/out
csv="bench/out/learners-$rows.csv"
[ -f "$csv" ] || "$python" bench/make_learners_csv.py "$csv" "$rows"
dotnet build bench/Kiln.Bench -c Release -nologo -v:quiet -clp:ErrorsOnly >/dev/null

# Lines are kept in bench/out as they arrive, so a stopped run still shows the models it finished.
/usr/bin/time -f "peak_rss_mb %M" -o bench/out/learners-kiln.rss \
  dotnet bench/Kiln.Bench/bin/Release/net10.0/Kiln.Bench.dll learners "$csv" "$runs" "$models" | tee bench/out/learners-kiln.txt >&2
/usr/bin/time -f "peak_rss_mb %M" -o bench/out/learners-sklearn.rss \
  "$python" bench/learners_sklearn.py "$csv" "$runs" "$models" | tee bench/out/learners-sklearn.txt >&2

echo "$(nproc) cores, $rows rows x 40 features (k-NN: 20000 fit, 5000 predicted), scikit-learn $("$python" -c 'import sklearn; print(sklearn.__version__)'), best of $runs after a warm-up"
printf '%-32s %10s %10s %8s\n' measure kiln sklearn kiln/sk
join <(sort bench/out/learners-kiln.txt) <(sort bench/out/learners-sklearn.txt) |
  awk '{ printf "%-32s %9.3fs %9.3fs %7.2fx\n", $1, $2, $3, $2 / $3 }'
kiln_mb=$(awk '/peak_rss_mb/ { printf "%.0f", $2 / 1024 }' bench/out/learners-kiln.rss)
sklearn_mb=$(awk '/peak_rss_mb/ { printf "%.0f", $2 / 1024 }' bench/out/learners-sklearn.rss)
printf '%-32s %8s MB %7s MB %7.2fx\n' peak_memory "$kiln_mb" "$sklearn_mb" "$(echo "$kiln_mb $sklearn_mb" | awk '{ print $1 / $2 }')"
