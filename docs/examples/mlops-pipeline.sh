#!/usr/bin/env bash
# The workbook's MLOps Pipeline with kiln, end to end: ingest and split the data, validate it against the model in
# production, train a challenger (recorded as a run), register it, test it against the champion on held-out rows, and
# roll it out only when it passed — straight to champion the first time, as a 10 % canary after that.
#
#   docs/examples/mlops-pipeline.sh [DATA] [TARGET] [MODEL-NAME] [ALGORITHM]
#
# Run it twice with two algorithms to see both paths, for example logistic-regression then gradient-boosting-classifier.
# Everything goes to the tracking store under $KILN_HOME (or --db in $KILN_TRACKING_DB); the work files to a temporary
# folder. Set KILN to run another kiln than ./kiln.
set -euo pipefail

kiln=${KILN:-./kiln}
data=${1:-../shared/datasets/churn/Telco-Customer-Churn.csv}
target=${2:-Churn}
name=${3:-churn}
algorithm=${4:-logistic-regression}
minimum_accuracy=${MINIMUM_ACCURACY:-0.7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

has_champion() { $kiln registry show "$name" --json 2>/dev/null | grep -q '"champion":'; }

echo "== 1. ingest: split $data into training and test rows, as they are"
$kiln data split "$data" --stratify "$target" --out "$work/split" > /dev/null

if has_champion; then
  echo "== 2. validate: the new rows against the champion's training data"
  $kiln data validate "$work/split/test.csv" --model "models:/$name@champion"
else
  echo "== 2. validate: no champion of '$name' yet, so nothing to compare the new rows with"
fi

echo "== 3. train: $algorithm, recorded in the experiment '$name'"
$kiln train "$work/split/train.csv" --target "$target" --model "$algorithm" --experiment "$name" --out "$work/model.kiln" > /dev/null

echo "== 4. register: the next version of '$name', aliased challenger"
version=$($kiln registry register "$name" "$work/model.kiln" --alias challenger --json | sed -n 's/^  "version": \([0-9]*\),$/\1/p')
echo "version $version"

echo "== 5. test: the challenger on the held-out rows"
if has_champion; then
  if ! $kiln evaluate "models:/$name@challenger" "$work/split/test.csv" --baseline "models:/$name@champion" \
      --require "accuracy>=$minimum_accuracy" --min-gain 0; then
    echo "== version $version stays a challenger: the champion keeps all the traffic"
    exit 0
  fi
  echo "== 6. roll out: version $version takes 10 % of the traffic as a canary beside the champion"
  $kiln deploy "$name" --alias champion --canary challenger:10%
  echo "watch it with: $kiln monitor $name; promote it with: $kiln registry alias $name champion $version"
else
  if ! $kiln evaluate "models:/$name@challenger" "$work/split/test.csv" --require "accuracy>=$minimum_accuracy"; then
    echo "== version $version is not good enough to be the first champion: nothing is deployed"
    exit 1
  fi
  echo "== 6. roll out: version $version is the first champion"
  $kiln registry alias "$name" champion "$version"
  $kiln deploy "$name" --alias champion
fi
