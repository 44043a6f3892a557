#!/usr/bin/env bash
# Startup benchmark of the local platform: runs `./hailway up --detach` N times (default 3) on a built tree,
# measures the seconds until every process is healthy and the memory of all of them (launcher, PostgreSQL and
# its backends, Kafka, services) from /proc, then `./hailway down`. Prints each run and the min/median.
#   bench/startup.sh [--containers] [N]
# --containers starts the platform from its images (./hailway images first); the processes measured are then the
# containers' own, seen from this host. HAILWAY_AOT=false starts every service without its AOT cache.
# RSS counts shared pages (PostgreSQL's shared buffers, the JDK's mapped archives) once per process; PSS splits
# them between the processes that share them, so its sum is what the platform really costs the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
containers=""
if [ "${1:-}" = "--containers" ]; then containers="--containers"; shift; fi
runs="${1:-3}"

for jar in runtime/target/hailway-runtime.jar services/identity/target/identity.jar services/gateway/target/gateway.jar; do
  [ -f "$jar" ] || { echo "missing $jar: build first (./mvnw -q -B -DskipTests install)" >&2; exit 1; }
done
if [ -f .hailway/run/launcher.pid ] && kill -0 "$(cat .hailway/run/launcher.pid)" 2>/dev/null; then
  echo "Hailway is running; ./hailway down first" >&2; exit 1
fi

descendants() { local p; for p in $(pgrep -P "$1" || true); do echo "$p"; descendants "$p"; done; }

# prints "rss_mb pss_mb processes"
measure() {
  local pids=() pid rss=0 pss=0 n=0 v
  pids+=("$(cat .hailway/run/launcher.pid)")
  while IFS=$'\t' read -r _ pid _ _ _; do pids+=("$pid"); pids+=($(descendants "$pid")); done < .hailway/run/processes.tsv
  for pid in "${pids[@]}"; do
    [ -r "/proc/$pid/smaps_rollup" ] || continue
    v=$(awk '/^Rss:/ {print $2}' "/proc/$pid/smaps_rollup"); rss=$((rss + ${v:-0}))
    v=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup"); pss=$((pss + ${v:-0}))
    n=$((n + 1))
  done
  echo "$((rss / 1024)) $((pss / 1024)) $n"
}

times=(); rsss=(); psss=()
for i in $(seq 1 "$runs"); do
  aot="trains AOT cache"; compgen -G ".hailway/app/*/app.aot" >/dev/null && aot="uses AOT cache"
  [ -n "$containers" ] && aot="from images, AOT cache of the image"
  [ "${HAILWAY_AOT:-}" = "false" ] && aot="AOT cache off"
  start=$(date +%s.%N)
  if ! HAILWAY_SKIP_BUILD=1 ./hailway up --detach $containers >/dev/null; then
    echo "run $i: start failed (see .hailway/logs/launcher.log)" >&2; ./hailway down >/dev/null || true; exit 1
  fi
  end=$(date +%s.%N)
  secs=$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.1f", b - a}')
  read -r rss pss procs < <(measure)
  printf 'run %d: healthy in %5s s   RSS %5d MB   PSS %5d MB   (%d processes, %s)\n' "$i" "$secs" "$rss" "$pss" "$procs" "$aot"
  times+=("$secs"); rsss+=("$rss"); psss+=("$pss")
  ./hailway down >/dev/null
done

stat() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "min %s  median %s", a[1], a[int((NR+1)/2)]}'; }
echo "start seconds: $(stat "${times[@]}")"
echo "RSS MB:        $(stat "${rsss[@]}")"
echo "PSS MB:        $(stat "${psss[@]}")"
