#!/usr/bin/env bash
# Advisories benchmark: median wall time of N fresh JVM runs on ZeroClaw head with the corpus RustSec db.
#   bench/advisories.sh [RUNS]     (default 9)
# Cases: the sources policy alone (the foundation's baseline); `check --policies advisories` with an
# empty parsed-db cache (every one of the 1,205 files parsed); the same with the cache filled (the
# normal CI case after the first run on a db commit). Needs the built jar (mvn -B -DskipTests package).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
corpus=$root/../shared/corpus
repo=$corpus/zeroclaw/head
db=$corpus/advisory-db
runs=${1:-9}
jar=$root/policy-runner/target/policy-runner.jar
[ -f "$jar" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

time_runs() {
  local name=$1 setup=$2; shift 2
  local times=()
  "$@" >/dev/null 2>&1 || true
  for _ in $(seq "$runs"); do
    eval "$setup"
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    t1=$(date +%s%N)
    times+=("$(( (t1 - t0) / 1000000 ))")
  done
  local sorted median
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  median=$(printf '%s\n' "$sorted" | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}')
  printf '%-58s median %5d ms   (min %d, max %d, n=%d)\n' "$name" "$median" "$(echo "$sorted" | head -1)" "$(echo "$sorted" | tail -1)" "$runs"
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
time_runs "check --policies sources" : java -jar "$jar" check --repo "$repo" --policies sources
time_runs "check --policies advisories (parse all 1,205 files)" "rm -rf '$work/cache'" \
  java -jar "$jar" check --repo "$repo" --policies advisories --advisory-db "$db" --cache-dir "$work/cache"
time_runs "check --policies advisories (parsed-db cache hit)" : \
  java -jar "$jar" check --repo "$repo" --policies advisories --advisory-db "$db" --cache-dir "$work/cache"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
