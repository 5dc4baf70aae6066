#!/usr/bin/env bash
# Scale (issue 19): cold `check` of generated workspaces of 1,000, 10,000 and 100,000 crates, from the
# lockfile alone (sources, bans, advisories) and with a `cargo metadata` dump (licenses too), both with
# the corpus advisory database; and one member manifest declaring 1,000 and 10,000 dependencies
# (`--policies sources`). Prints a table of median wall time and peak RSS (GNU time) over RUNS runs,
# the cases interleaved so all see the same load.
#   bench/scale.sh [RUNS] [SIZES...]        (default: 3 runs; 1000 10000 100000)
# Needs: the jar (mvn -DskipTests package), /usr/bin/time, ../shared/corpus/advisory-db.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar=${JAR:-$here/../policy-runner/target/policy-runner.jar}
db=$here/../../shared/corpus/advisory-db
runs=${1:-3}
shift $(( $# > 0 ? 1 : 0 ))
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1000 10000 100000)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -f "$jar" ] || { echo "no jar at $jar: run mvn -B -DskipTests package" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time at /usr/bin/time" >&2; exit 2; }

cases=()
for n in "${sizes[@]}"; do
  java "$here/GenWorkspace.java" graph "$n" "$work/graph-$n"
  cases+=("lock:$n" "metadata:$n")
done
for n in 1000 10000; do
  java "$here/GenWorkspace.java" manifest "$n" "$work/manifest-$n"
  cases+=("manifest:$n")
done

# one CASE: one cold run; appends "wall_s rss_kb exit" to $work/CASE.out
one() {
  local kind=${1%%:*} n=${1##*:} dir args
  case $kind in
    lock) dir=$work/graph-$n; args=(--policies sources,bans,advisories --advisory-db "$db" --offline) ;;
    metadata) dir=$work/graph-$n; args=(--metadata "$work/graph-$n/metadata.json" --policies sources,licenses,bans,advisories --advisory-db "$db" --offline) ;;
    manifest) dir=$work/manifest-$n; args=(--policies sources) ;;
  esac
  /usr/bin/time -f "%e %M %x" -o "$work/t" java -jar "$jar" check --repo "$dir" "${args[@]}" --format json --output "$work/report.json" >/dev/null 2>"$work/err" || true
  tail -1 "$work/t" >> "$work/$1.out"
}
median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

for c in "${cases[@]}"; do one "$c"; : > "$work/$c.out"; done   # warm the page cache; not counted
for _ in $(seq "$runs"); do for c in "${cases[@]}"; do one "$c"; done; done

echo "runs: $runs per case, interleaved   load: $(cut -d' ' -f1-3 /proc/loadavg)   $(java -version 2>&1 | head -1)"
printf '%-10s %9s %12s %12s %6s\n' case crates "wall (s)" "RSS (MiB)" exit
for c in "${cases[@]}"; do
  printf '%-10s %9s %12s %12s %6s\n' "${c%%:*}" "${c##*:}" "$(cut -d' ' -f1 "$work/$c.out" | median)" \
    "$(cut -d' ' -f2 "$work/$c.out" | median | awk '{printf "%d", $1/1024}')" "$(cut -d' ' -f3 "$work/$c.out" | sort -u | tr '\n' ' ')"
done
