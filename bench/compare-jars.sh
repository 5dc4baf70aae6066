#!/usr/bin/env bash
# A/B cold start of two builds of the runner on a busy machine: runs `check` with jar A, then jar B,
# alternately, so both see the same load; prints each one's median wall and CPU (user+sys) time.
#   bench/compare-jars.sh JAR_A JAR_B [REPO] [RUNS] [-- CHECK ARGS...]
# (default repo ../shared/corpus/zeroclaw/head, 15 runs, args: --policies sources --format json).
# Each jar is run with `java -jar`, so the CDS archive beside it (policy-runner.jsa) is used: run
# each jar where it was built (an archive records the jar's path; a copied jar silently runs
# without it and measures ~50% slower).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
a=$1 b=$2
repo=${3:-$here/../../shared/corpus/zeroclaw/head}
runs=${4:-15}
shift $(( $# < 4 ? $# : 4 ))
[ "${1:-}" = "--" ] && shift
args=("$@")
[ ${#args[@]} -eq 0 ] && args=(--policies sources --format json)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# one JAR LABEL: one run; appends "wall_ms cpu_ms" to $work/LABEL.
one() {
  local t0 t1 c0 c1
  read -r c0 < <(awk '{print $14+$15+$16+$17}' /proc/$$/stat)
  t0=$(date +%s%N)
  ( java -jar "$1" check --repo "$repo" "${args[@]}" --output "$work/out" >/dev/null 2>&1 || true )
  t1=$(date +%s%N)
  read -r c1 < <(awk '{print $14+$15+$16+$17}' /proc/$$/stat)
  echo "$(( (t1 - t0) / 1000000 )) $(( (c1 - c0) * 1000 / $(getconf CLK_TCK) ))" >> "$work/$2"
}
median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'; }

one "$a" warm; one "$b" warm   # page cache warm, JVMs cold
for _ in $(seq "$runs"); do one "$a" A; one "$b" B; done
echo "repo: $repo   args: ${args[*]}   runs: $runs   load: $(cut -d' ' -f1-3 /proc/loadavg)"
for x in A B; do
  jar=$a; [ $x = B ] && jar=$b
  printf '%s  median wall %5d ms   median cpu %5d ms   %s\n' "$x" \
    "$(cut -d' ' -f1 "$work/$x" | median)" "$(cut -d' ' -f2 "$work/$x" | median)" "$jar"
done
