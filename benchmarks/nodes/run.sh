#!/usr/bin/env bash
# Search and registration throughput with 1, 2 and 3 API nodes behind nginx, as deploy/ lays them out (issue 19 item 6).
#
# For each node count N: a fresh PostgreSQL database and Redis prefix; node 1 (Release, Development environment) seeds the
# demo data, nodes 2..N start on it (each builds its own index from the database); nginx from deploy/nginx.conf with the
# upstream rewritten to the N nodes' ports, in a temp prefix; then through the proxy:
#   - search: wrk, benchmarks/http/search.lua, 2 threads, --connections (16) for --duration (10s) after a 5 s warm-up;
#   - registration: Jobs.FairHarness --url <proxy> (its rounds, released all at once, verified against the database);
# with the CPU seconds the nodes, nginx and the whole machine spent during each. Prints one table row per N; cleans up
# (processes by their ids, the database, the Redis keys, the temp folder) unless --keep.
#
# Usage: benchmarks/nodes/run.sh [--nodes "1 2 3"] [--duration 10s] [--connections 16] [--fair-requests 2000]
#        [--fair-capacity 500] [--fair-rounds 3] [--fair-warmup 4] [--no-fair] [--port 5301] [--redis 127.0.0.1:6379] [--keep]
# PostgreSQL from the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD (default 127.0.0.1, 5432, jobs, jobs); the user
# must be allowed to CREATE DATABASE. Needs nginx (NGINX, default /usr/sbin/nginx), wrk, psql, redis-cli, and the Release
# build: dotnet build -c Release src/Api && dotnet build -c Release benchmarks/Jobs.FairHarness
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
nodes_list="1 2 3"
duration=10s
connections=16
fair_requests=2000
fair_capacity=500
fair_rounds=3
fair_warmup=4
run_fair=1
base_port=5301
redis=127.0.0.1:6379
keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --nodes) nodes_list=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --fair-requests) fair_requests=$2; shift 2 ;;
    --fair-capacity) fair_capacity=$2; shift 2 ;;
    --fair-rounds) fair_rounds=$2; shift 2 ;;
    --fair-warmup) fair_warmup=$2; shift 2 ;;
    --no-fair) run_fair=0; shift ;;
    --port) base_port=$2; shift 2 ;;
    --redis) redis=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "unknown option $1 (see the usage at the top of $0)" >&2; exit 2 ;;
  esac
done

export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-jobs} PGPASSWORD=${PGPASSWORD:-jobs}
nginx=${NGINX:-/usr/sbin/nginx}
api_dll=$repo/src/Api/bin/Release/net10.0/Jobs.Api.dll
fair_dll=$repo/benchmarks/Jobs.FairHarness/bin/Release/net10.0/Jobs.FairHarness.dll
search_lua=$repo/benchmarks/http/search.lua
# The fair harness signs its graduates' tokens with this key and signs in as this admin (benchmarks/Jobs.FairHarness).
signing_key=fair-harness-signing-key-0123456789-abcdefghijkl
admin_email=admin@bench.local
admin_password=FairBench2026

for tool in "$nginx" wrk psql redis-cli dotnet; do
  command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 2; }
done
for file in "$api_dll" "$fair_dll"; do
  [ -f "$file" ] || { echo "$file missing: dotnet build -c Release src/Api && dotnet build -c Release benchmarks/Jobs.FairHarness" >&2; exit 2; }
done
psql -d postgres -tAc 'SELECT 1' >/dev/null || { echo "PostgreSQL at $PGHOST:$PGPORT does not answer as $PGUSER" >&2; exit 2; }
redis-cli -u "redis://$redis" ping >/dev/null || { echo "Redis at $redis does not answer" >&2; exit 2; }

ticks=$(getconf CLK_TCK)
pids=()
root=""
database=""
prefix=""

# CPU seconds (user + system) a process has used, in clock ticks; 0 once it is gone.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
# The whole machine's busy ticks (everything but idle and iowait) and all ticks, from /proc/stat.
# user+nice+system+irq+softirq, and that plus idle, iowait and steal; summed over all cores.
machine_ticks() { awk '/^cpu /{busy=$2+$3+$4+$7+$8; print busy, busy+$5+$6+$9}' /proc/stat; }
sum_ticks() { local total=0; for p in "$@"; do total=$((total + $(cpu_ticks "$p"))); done; echo "$total"; }

cleanup() {
  set +e
  for p in "${pids[@]}"; do
    kill "$p" 2>/dev/null
  done
  for p in "${pids[@]}"; do
    wait "$p" 2>/dev/null
  done
  pids=()
  if [ -n "$database" ]; then
    if [ "$keep" = 1 ]; then
      echo "kept database $database" >&2
    else
      psql -d postgres -qc "DROP DATABASE IF EXISTS \"$database\" WITH (FORCE);" >/dev/null
    fi
  fi
  if [ -n "$prefix" ] && [ "$keep" = 0 ]; then
    redis-cli -u "redis://$redis" --scan --pattern "${prefix}*" | xargs -r -n 500 redis-cli -u "redis://$redis" del >/dev/null
  fi
  if [ -n "$root" ]; then
    if [ "$keep" = 1 ]; then echo "kept $root" >&2; else rm -rf "$root"; fi
  fi
  database=""
  prefix=""
  root=""
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_ok() { # url seconds what
  local deadline=$((SECONDS + $2))
  until curl -fsS -o /dev/null "$1" 2>/dev/null; do
    if [ $SECONDS -ge $deadline ]; then echo "$3 did not answer $1 within $2 s" >&2; return 1; fi
    sleep 0.5
  done
}

start_node() { # index port connection-string
  local dir=$root/node-$1
  mkdir -p "$dir"
  (
    cd "$(dirname "$api_dll")"
    export ASPNETCORE_ENVIRONMENT=Development Storage__SeedDemoData=true Storage__DataDirectory=$dir \
      ConnectionStrings__Postgres="$3" ConnectionStrings__Redis=$redis \
      BackgroundJobs__RedisPrefix=${prefix}hangfire: BackgroundJobs__RedisLockPrefix=${prefix}lock: \
      BackgroundJobs__RedisSeatPrefix=${prefix}seats: BackgroundJobs__RedisChannelPrefix=${prefix}events: \
      Web__DataProtectionRedisKey=${prefix}keys \
      Auth__SigningKey=$signing_key Auth__TokenLifetimeMinutes=43200 Admin__Email=$admin_email Admin__Password=$admin_password \
      Logging__LogLevel__Default=Warning
    # Every request comes from this machine through one proxy: per-address limits would refuse the load.
    for rule in Global SignIn SignUp Refresh FairRegistration FairRegistrationPerAddress Applications Uploads Search; do
      export "RateLimits__${rule}__PermitLimit=100000000"
    done
    exec dotnet "$api_dll" --urls "http://127.0.0.1:$2"
  ) >"$root/node-$1.log" 2>&1 &
  pids+=($!)
  node_pids+=($!)
}

# "Requests/sec:" and the 99 % latency (in ms) from wrk --latency output.
wrk_rate() { awk '/^Requests\/sec:/{print $2}' "$1"; }
wrk_p99() {
  awk '$1=="99%"{v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v*=1000}; printf "%.0f", v}' "$1"
}
wrk_non2xx() { awk '/^non-2xx responses:/{print $3}' "$1"; }
pct() { awk -v t="$1" -v s="$2" -v hz="$ticks" 'BEGIN{printf "%.0f", 100 * t / hz / s}'; }

run_id=$(date -u +%Y%m%d%H%M%S)
echo "nodes run $run_id on $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
rows=()
for n in $nodes_list; do
  root=$(mktemp -d "/tmp/jobs-nodes-$n-XXXXXX")
  database=jobs_nodes_${run_id}_$n
  prefix=jobs-nodes-bench:$run_id:$n:
  node_pids=()
  psql -d postgres -qc "CREATE DATABASE \"$database\" TEMPLATE template0 ENCODING 'UTF8';" >/dev/null
  # Each node's pool sized so that all of them stay under PostgreSQL's default 100 connections; a burst waits for a
  # pooled connection up to Timeout rather than failing.
  conn="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Password=$PGPASSWORD;Database=$database;Maximum Pool Size=$((90 / n));Timeout=60"
  ports=()
  for i in $(seq 1 "$n"); do
    port=$((base_port + i - 1))
    port_free "$port" || { echo "port $port is in use; pass --port" >&2; exit 1; }
    ports+=("$port")
  done

  started=$SECONDS
  # Node 1 seeds the empty database; the others start once it is there.
  start_node 1 "${ports[0]}" "$conn"
  wait_ok "http://127.0.0.1:${ports[0]}/health" 600 "node 1" || { tail -n 30 "$root/node-1.log" >&2; exit 1; }
  for i in $(seq 2 "$n"); do
    start_node "$i" "${ports[$((i - 1))]}" "$conn"
  done
  for i in $(seq 2 "$n"); do
    wait_ok "http://127.0.0.1:${ports[$((i - 1))]}/health" 600 "node $i" || { tail -n 30 "$root/node-$i.log" >&2; exit 1; }
  done
  up=$((SECONDS - started))

  # nginx from deploy/nginx.conf: the three upstream lines become this run's N, the listen port a free one.
  proxy_port=$((base_port + 50))
  port_free "$proxy_port" || { echo "port $proxy_port is in use; pass --port" >&2; exit 1; }
  mkdir -p "$root/proxy"
  servers=""
  for p in "${ports[@]}"; do servers+="        server 127.0.0.1:$p max_fails=3 fail_timeout=10s;\n"; done
  {
    [ "$(id -u)" = 0 ] && echo "user root;"
    awk -v servers="$servers" -v listen="listen 127.0.0.1:$proxy_port;" '
      /server 127\.0\.0\.1:5101 / { printf "%s", servers; next }
      /server 127\.0\.0\.1:510[23] / { next }
      /listen 8080;/ { sub(/listen 8080;/, listen) }
      { print }' "$repo/deploy/nginx.conf"
  } >"$root/proxy/nginx.conf"
  grep -q "127.0.0.1:${ports[0]}" "$root/proxy/nginx.conf" || { echo "deploy/nginx.conf no longer has the upstream lines this script rewrites" >&2; exit 1; }
  "$nginx" -p "$root/proxy" -c "$root/proxy/nginx.conf" -g "daemon off;" >"$root/proxy/stdout.log" 2>&1 &
  nginx_pid=$!
  pids+=("$nginx_pid")
  wait_ok "http://127.0.0.1:$proxy_port/proxy-health" 20 nginx || { cat "$root/proxy/error.log" >&2; exit 1; }
  proxy=http://127.0.0.1:$proxy_port
  echo "N=$n: nodes on ${ports[*]} healthy after ${up} s; nginx on $proxy_port; database $database"

  # Search: a warm-up (JIT, searchers, pools on every node), then the measured run with CPU before and after.
  PAGE_SIZE=20 wrk -t2 -c"$connections" -d5s -s "$search_lua" "$proxy" >/dev/null
  proxy_pids=("$nginx_pid" $(pgrep -P "$nginx_pid"))
  read -r busy0 all0 < <(machine_ticks)
  nodes0=$(sum_ticks "${node_pids[@]}"); nginx0=$(sum_ticks "${proxy_pids[@]}"); t0=$(date +%s.%N)
  each0=(); for p in "${node_pids[@]}"; do each0+=("$(cpu_ticks "$p")"); done
  PAGE_SIZE=20 /usr/bin/time -f "%U %S" -o "$root/wrk-cpu.txt" \
    wrk -t2 -c"$connections" -d"$duration" --latency -s "$search_lua" "$proxy" >"$root/wrk-search.txt"
  t1=$(date +%s.%N); read -r busy1 all1 < <(machine_ticks)
  nodes1=$(sum_ticks "${node_pids[@]}"); nginx1=$(sum_ticks "${proxy_pids[@]}")
  each1=(); for p in "${node_pids[@]}"; do each1+=("$(cpu_ticks "$p")"); done
  secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b - a}')
  search_rate=$(wrk_rate "$root/wrk-search.txt"); search_p99=$(wrk_p99 "$root/wrk-search.txt"); search_bad=$(wrk_non2xx "$root/wrk-search.txt")
  search_nodes=$(pct $((nodes1 - nodes0)) "$secs"); search_nginx=$(pct $((nginx1 - nginx0)) "$secs")
  search_busy=$(awk -v b=$((busy1 - busy0)) -v a=$((all1 - all0)) -v c="$(nproc)" 'BEGIN{printf "%.0f", 100 * c * b / a}')
  each=""; for i in "${!node_pids[@]}"; do each+="${each:+ + }$(pct $((each1[i] - each0[i])) "$secs")"; done
  search_wrk=$(awk -v s="$secs" '{printf "%.0f", 100 * ($1 + $2) / s}' "$root/wrk-cpu.txt")
  echo "  search: $search_rate req/s, p99 $search_p99 ms, non-2xx $search_bad; CPU in % of one core (200 % = the machine): nodes ${search_nodes} (${each}), nginx ${search_nginx}, wrk ${search_wrk}, everything ${search_busy}"

  fair_rate="-"; fair_p99="-"; fair_cpu="-"
  if [ "$run_fair" = 1 ]; then
    if ! dotnet "$fair_dll" --url "$proxy" --postgres "$conn" --requests "$fair_requests" --capacity "$fair_capacity" \
        --rounds "$fair_rounds" --warmup "$fair_warmup" --data "$root/fair" --cpu-pids "$(IFS=,; echo "${node_pids[*]}")" \
        >"$root/fair.txt" 2>&1; then
      echo "fair harness failed:" >&2; tail -n 20 "$root/fair.txt" >&2; exit 1
    fi
    grep -E "^(round|median)" "$root/fair.txt" | sed 's/^/  fair: /'
    fair_rate=$(sed -n 's/^median of .*: \([0-9,]*\) req\/s.*/\1/p' "$root/fair.txt")
    fair_p99=$(sed -n 's/^median of .* p99 \([0-9.]*\) ms.*/\1/p' "$root/fair.txt")
    # The nodes' CPU per registration during the measured bursts (median of the rounds), as the harness read it.
    fair_cpu=$(sed -n 's/^median of .*server CPU \([0-9.]*\) ms\/request.*/\1/p' "$root/fair.txt")
  fi

  rows+=("| $n | $search_rate | $search_p99 ms | $search_nodes % | $search_nginx % | $search_wrk % | $search_busy % | $fair_rate | $fair_p99 ms | $fair_cpu ms | $(cut -d' ' -f1 /proc/loadavg) |")
  cleanup
done

echo
echo "CPU during the search run in % of one core; 200 % is both cores. Nodes' CPU per registration: median over the measured bursts."
echo "| nodes | search req/s | search p99 | nodes' CPU | nginx CPU | wrk CPU | machine CPU | registrations/s (median) | registration p99 | nodes' CPU per registration | load average after |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
printf '%s\n' "${rows[@]}"
