#!/usr/bin/env bash
# Kiln's grid search beside scikit-learn's GridSearchCV(n_jobs=-1) on the same generated binary classification data (20
# features): 20 random-forest candidates (max depth × max features × min samples per leaf), 5 stratified folds,
# accuracy, and the refit of the best. Each side runs in its own process; prints each side's wall time, CPU use (user +
# system seconds over wall seconds: 2.0 keeps both cores busy), best mean cross-validated accuracy, and the Kiln /
# scikit-learn ratios (below 1 means Kiln is faster). Reading the CSV is not timed.
# Usage: bench/search-vs-sklearn.sh [rows] [trees per forest]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-50000}
trees=${2:-50}
python=/usr/bin/python3
"$python" -c "import sklearn, pandas" 2>/dev/null || {
  [ "$(id -u)" = 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-sklearn python3-pandas >/dev/null
}
mkdir -p bench/out
csv="bench/out/search-$rows.csv"
[ -f "$csv" ] || "$python" bench/make_search_csv.py "$csv" "$rows"
dotnet build bench/Kiln.Bench -c Release -nologo -v:quiet -clp:ErrorsOnly >/dev/null

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
dotnet bench/Kiln.Bench/bin/Release/net10.0/Kiln.Bench.dll search "$csv" "$trees" | tee bench/out/search-kiln.txt >&2
"$python" bench/search_sklearn.py "$csv" "$trees" | tee bench/out/search-sklearn.txt >&2

echo "$(nproc) cores, $rows rows x 20 features, 20 random-forest candidates of $trees trees x 5 folds + refit, scikit-learn $("$python" -c 'import sklearn; print(sklearn.__version__)')"
printf '%-20s %10s %10s %8s\n' measure kiln sklearn kiln/sk
join <(sort bench/out/search-kiln.txt) <(sort bench/out/search-sklearn.txt) |
  awk '$1 == "search.wall" || $1 == "search.cpu" { printf "%-20s %9.2fs %9.2fs %7.2fx\n", $1, $2, $3, $2 / $3; next }
       $1 == "search.best_score" { printf "%-20s %10.4f %10.4f %+7.4f\n", $1, $2, $3, $2 - $3; next }
       { printf "%-20s %10d %10d\n", $1, $2, $3 }'
