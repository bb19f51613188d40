#!/usr/bin/env bash
# The city-feed import (benchmarks/Jobs.ImportHarness) on PostgreSQL and on SQLite, back to back, one Release API process
# each on an empty database (issue 19 item 6). Per store: start the API, upload the feed twice (first import, unchanged
# re-import), record the API's CPU seconds, stop it, drop the database / delete the folder.
#
# Usage: benchmarks/nodes/import.sh [--rows 100000] [--stores "postgres sqlite"] [--port 5380] [--keep]
# PostgreSQL from PGHOST, PGPORT, PGUSER, PGPASSWORD (default 127.0.0.1, 5432, jobs, jobs). Needs the Release builds:
# dotnet build -c Release src/Api && dotnet build -c Release benchmarks/Jobs.ImportHarness
#
# By hand, the API on PostgreSQL is the same start as on SQLite plus one connection string:
#   createdb -h 127.0.0.1 -U jobs jobs_import
#   cd src/Api && ConnectionStrings__Postgres="Host=127.0.0.1;Username=jobs;Password=jobs;Database=jobs_import" \
#     Storage__DataDirectory=/tmp/bench-imp Storage__SeedDemoData=false Admin__Password=Import-Bench-Quay-2026 \
#     dotnet bin/Release/net10.0/Jobs.Api.dll --urls http://127.0.0.1:5080 &
#   dotnet benchmarks/Jobs.ImportHarness/bin/Release/net10.0/Jobs.ImportHarness.dll --url http://127.0.0.1:5080 \
#     --rows 100000 --password Import-Bench-Quay-2026
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
rows=100000
stores="postgres sqlite"
port=5380
keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows=$2; shift 2 ;;
    --stores) stores=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "unknown option $1 (see the usage at the top of $0)" >&2; exit 2 ;;
  esac
done

export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-jobs} PGPASSWORD=${PGPASSWORD:-jobs}
api_dll=$repo/src/Api/bin/Release/net10.0/Jobs.Api.dll
harness_dll=$repo/benchmarks/Jobs.ImportHarness/bin/Release/net10.0/Jobs.ImportHarness.dll
password=Import-Bench-Quay-2026
for file in "$api_dll" "$harness_dll"; do
  [ -f "$file" ] || { echo "$file missing: dotnet build -c Release src/Api && dotnet build -c Release benchmarks/Jobs.ImportHarness" >&2; exit 2; }
done

ticks=$(getconf CLK_TCK)
api_pid=""
root=""
database=""
cleanup() {
  set +e
  if [ -n "$api_pid" ]; then kill "$api_pid" 2>/dev/null; wait "$api_pid" 2>/dev/null; fi
  api_pid=""
  if [ -n "$database" ] && [ "$keep" = 0 ]; then psql -d postgres -qc "DROP DATABASE IF EXISTS \"$database\" WITH (FORCE);" >/dev/null; fi
  database=""
  if [ -n "$root" ] && [ "$keep" = 0 ]; then rm -rf "$root"; fi
  root=""
}
trap cleanup EXIT
trap 'exit 130' INT TERM

feed=$(mktemp -d /tmp/jobs-import-feed-XXXXXX)/feed.csv
echo "import of $rows rows on $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
for store in $stores; do
  root=$(mktemp -d "/tmp/jobs-import-$store-XXXXXX")
  extra=()
  if [ "$store" = postgres ]; then
    database=jobs_import_$(date -u +%Y%m%d%H%M%S)
    psql -d postgres -qc "CREATE DATABASE \"$database\" TEMPLATE template0 ENCODING 'UTF8';" >/dev/null
    extra=("ConnectionStrings__Postgres=Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Password=$PGPASSWORD;Database=$database")
  fi
  (
    cd "$(dirname "$api_dll")"
    exec env Storage__DataDirectory="$root" Storage__SeedDemoData=false Admin__Password=$password \
      Logging__LogLevel__Default=Warning "${extra[@]}" dotnet "$api_dll" --urls "http://127.0.0.1:$port"
  ) >"$root/api.log" 2>&1 &
  api_pid=$!
  deadline=$((SECONDS + 300))
  until curl -fsS -o /dev/null "http://127.0.0.1:$port/health" 2>/dev/null; do
    [ $SECONDS -lt $deadline ] && kill -0 "$api_pid" 2>/dev/null || { echo "API on $store did not start" >&2; tail -n 30 "$root/api.log" >&2; exit 1; }
    sleep 0.5
  done
  cpu0=$(awk '{print $14 + $15}' "/proc/$api_pid/stat")
  dotnet "$harness_dll" --url "http://127.0.0.1:$port" --rows "$rows" --feed "$feed" --password "$password" | sed "s/^/$store: /"
  cpu1=$(awk '{print $14 + $15}' "/proc/$api_pid/stat")
  awk -v t=$((cpu1 - cpu0)) -v hz="$ticks" -v s="$store" 'BEGIN{printf "%s: API CPU over both uploads %.1f s\n", s, t / hz}'
  if [ "$store" = postgres ]; then
    psql -d "$database" -tAc "SELECT 'postgres: database size ' || pg_size_pretty(pg_database_size(current_database()))"
  else
    echo "sqlite: database size $(du -ch "$root"/jobs.db* | tail -n 1 | cut -f1) (with its WAL)"
  fi
  cleanup
done
rm -rf "$(dirname "$feed")"
