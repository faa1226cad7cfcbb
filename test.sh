#!/usr/bin/env bash
# The one test command: installs what is missing, builds everything, runs every test and
# ends with one line "N passed, M failed[, K skipped]" that counts every test it ran.
set -uo pipefail
cd "$(dirname "$0")"

# System packages the tests need: fonts for chart text, PostgreSQL for the tracking tests' real database, chromium for the browser tests.
packages=(fonts-dejavu-core postgresql chromium)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing ${missing[*]}"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}") >/dev/null 2>&1 \
      || echo "warning: could not install ${missing[*]}"
  else
    echo "warning: missing Debian packages (${missing[*]}); run as root to install them"
  fi
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
results=TestResults
rm -rf "$results"

if ! dotnet build Kiln.slnx -c Release -nologo -clp:ErrorsOnly; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

# A private PostgreSQL server for this run only (tests/postgres-server.sh), stopped when the script ends.
postgres_log=$(mktemp)
if server=$(tests/postgres-server.sh start 2>"$postgres_log"); then
  eval "$server"
  trap 'tests/postgres-server.sh stop "$KILN_TEST_POSTGRES_DIR"' EXIT
else
  echo "warning: no PostgreSQL server for the tracking tests, so their PostgreSQL cases are skipped: $(tail -n 3 "$postgres_log")"
fi
rm -f "$postgres_log"

passed=0 failed=0 skipped=0
for project in tests/*.Tests/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results"
  trx="$results/$name.trx"
  if [ ! -f "$trx" ]; then
    echo "$name: no results (the test host did not finish)"
    failed=$((failed + 1))
    continue
  fi
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  count() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(count passed)))
  failed=$((failed + $(count failed) + $(count error) + $(count timeout) + $(count aborted)))
  skipped=$((skipped + $(count notExecuted)))
done

summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$failed" -eq 0 ]
