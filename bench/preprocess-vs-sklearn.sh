#!/usr/bin/env bash
# Kiln's ColumnTransformer beside scikit-learn's on the same generated CSV: mean imputation + standard scaling of
# 30 numeric columns (5% missing) and one-hot encoding of 5 text columns, fit and transform of every row.
# Prints both best times and the ratio scikit-learn/Kiln (above 1 means Kiln is faster).
# Usage: bench/preprocess-vs-sklearn.sh [rows] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
runs=${2:-3}
python=/usr/bin/python3
"$python" -c "import sklearn, pandas" 2>/dev/null || {
  [ "$(id -u)" = 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-sklearn python3-pandas >/dev/null
}
mkdir -p bench/out
csv="bench/out/preprocess-$rows.csv"
[ -f "$csv" ] || "$python" bench/make_preprocess_csv.py "$csv" "$rows"
dotnet build bench/Kiln.Bench -c Release -nologo -v:quiet -clp:ErrorsOnly >/dev/null

kiln=$(dotnet bench/Kiln.Bench/bin/Release/net10.0/Kiln.Bench.dll preprocess "$csv" "$runs")
sklearn=$("$python" bench/preprocess_sklearn.py "$csv" "$runs")
echo "$(nproc) cores, $rows rows, scikit-learn $("$python" -c 'import sklearn; print(sklearn.__version__)'), best of $runs"
printf '%-20s %10s %10s %8s\n' measure kiln sklearn ratio
join <(echo "$kiln" | sort) <(echo "$sklearn" | sort) | awk '
  $1 == "output_columns" { printf "%-20s %10d %10d\n", $1, $2, $3; next }
  { printf "%-20s %9.3fs %9.3fs %7.2fx\n", $1, $2, $3, $3 / $2 }'
