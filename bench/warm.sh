#!/usr/bin/env bash
# Warm embedding benchmark (issue 17 item 8): an engine built once in a JVM, then `check` and `evaluate`
# repeated, on ZeroClaw head with the corpus advisory database, offline.
#   bench/warm.sh [ROUNDS] [N] [VARIANT...]
# ROUNDS fresh JVMs per variant (default 7), run round-robin (A, B, A, B, ...) so that the shared host's
# drift moves every variant alike. Each JVM (bench/WarmCheck.java) builds the engine, runs a first check,
# 20 warm-up checks, then N (default 30) measured checks and N evaluates of facts extracted once, and
# reports the median wall time and the CPU time of the process (all threads). Printed per variant: the
# median over rounds of each quantity, wall (CPU).
# A VARIANT is a directory of policy-rules classes or a policy-rules jar (A/B of two builds: copy
# policy-rules/target/classes aside before rebuilding); default: this checkout's
# policy-rules/target/classes. Build first: mvn -B -ntp -o -q -pl policy-rules -am package -DskipTests
# Policies: sources,bans,advisories,workflows (issue 17's "done when" run; licenses needs cargo metadata,
# and the corpus has no dump of ZeroClaw). TOLLGATE_BENCH_POLICIES overrides them.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
corpus=$root/../shared/corpus
repo=$corpus/zeroclaw/head
db=$corpus/advisory-db
rounds=${1:-7}
n=${2:-30}
shift $(( $# < 2 ? $# : 2 ))
variants=("$@")
[ ${#variants[@]} -eq 0 ] && variants=("$root/policy-rules/target/classes")
policies=${TOLLGATE_BENCH_POLICIES:-sources,bans,advisories,workflows}
[ -d "$root/policy-rules/target/classes/dev" ] || { echo "build first: mvn -B -ntp -o -q -pl policy-rules -am package -DskipTests" >&2; exit 2; }
[ -d "$repo" ] || { echo "the corpus is not at $corpus" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The runtime class path of policy-rules, without itself and with this checkout's policy-api classes
# (never a policy-api jar from ~/.m2, which may be another build's).
(cd "$root" && mvn -B -ntp -o -q -pl policy-rules org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.includeScope=runtime -Dmdep.outputFile="$work/deps.txt" >/dev/null)
deps=$(tr ':' '\n' < "$work/deps.txt" | grep -v '/dev/tollgate/' | paste -sd:)
deps="$root/policy-api/target/classes:$deps"
javac -d "$work/harness" -cp "${variants[0]}:$deps" "$here/WarmCheck.java"

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.1f\n", (a[NR/2]+a[NR/2+1])/2}'; }

echo "repo: $repo; policies: $policies; rounds: $rounds; N: $n; java: $(java -version 2>&1 | head -1); cores: $(nproc)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((r = 0; r < rounds; r++)); do
  for ((v = 0; v < ${#variants[@]}; v++)); do
    # a fresh parsed-database cache per JVM: the first check parses the database and fills it
    rm -rf "$work/cache"
    java -cp "${variants[$v]}:$deps:$work/harness" WarmCheck "$repo" "$db" "$work/cache" "$policies" 20 "$n" >> "$work/out.$v" \
      || { echo "variant $v failed" >&2; exit 1; }
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-8s %-26s %-26s %-26s %-26s\n' variant "engine build" "first check" "warm check (median of N)" "warm evaluate (median of N)"
for ((v = 0; v < ${#variants[@]}; v++)); do
  line=$(printf '%-8s' "$(printf "\\x$(printf %x $((65 + v)))")")
  for q in build first-check check evaluate; do
    w=$(awk -v q="$q" '$1 == q {print $2}' "$work/out.$v" | median)
    c=$(awk -v q="$q" '$1 == q {print $3}' "$work/out.$v" | median)
    line+=$(printf ' %-26s' "$w ms ($c CPU)")
  done
  echo "$line"
  echo "         ${variants[$v]}; $(grep -m1 '^facts' "$work/out.$v")"
done
