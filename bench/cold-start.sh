#!/usr/bin/env bash
# Cold-start benchmark: median wall and CPU time of N fresh JVM runs of each case, on a real workspace.
#   bench/cold-start.sh [REPO] [RUNS]     (default: ../shared/corpus/zeroclaw/head, 15 runs)
#   CASES=jdks bench/cold-start.sh ...    only the JDK comparison: JDK 17 (the build's, shipped archive),
#                                         JDK 25 with a class-data archive, JDK 25 with an AOT cache
# JAVA25 names a JDK 25+ home for the comparison (default /usr/lib/jvm/temurin-25-jdk-amd64; skipped when
# missing); ADVISORY_DB the database of the full check (default ../shared/corpus/advisory-db).
# Needs the built jar (mvn -B -DskipTests package). Uses only bash, java/javac, sort, awk.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
repo=${1:-$root/../shared/corpus/zeroclaw/head}
runs=${2:-15}
cases=${CASES:-all}
java25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64}
db=${ADVISORY_DB:-$root/../shared/corpus/advisory-db}
jar=$root/policy-runner/target/policy-runner.jar
[ -f "$jar" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/classes"
printf 'public class Empty { public static void main(String[] a) {} }\n' > "$work/Empty.java"
javac -d "$work/classes" "$work/Empty.java"
javac -d "$work/classes" -cp "$jar" "$here/ParseOnly.java"
cp -r "$root/rules" "$work/custom-rules"

# Cases run round-robin: each round runs every case once, so a machine that slows down or speeds
# up during the benchmark (a shared host does, by 20-30%) moves every case alike, and the ratios
# between cases stay meaningful. Wall time and CPU time (user+sys of the JVMs, children included)
# come from bash's `time`.
names=() setups=() cmds=()
# time_runs NAME SETUP CMD...: registers a case; SETUP (may be :) runs before each of its runs.
time_runs() {
  local name=$1 setup=$2; shift 2
  local q
  printf -v q '%q ' "$@"
  names+=("$name") setups+=("$setup") cmds+=("$q")
}

measure_all() {
  local n=${#names[@]} i r
  local -a walls cpus
  for ((i = 0; i < n; i++)); do
    eval "${cmds[$i]}" >/dev/null 2>&1 || true   # one unmeasured run: page cache warm, JVM cold
    walls[i]="" cpus[i]=""
  done
  local TIMEFORMAT='%3R %3U %3S' t real user sys
  for ((r = 0; r < runs; r++)); do
    for ((i = 0; i < n; i++)); do
      eval "${setups[$i]}"
      t=$( { time eval "${cmds[$i]}" >/dev/null 2>&1 || true; } 2>&1 )
      read -r real user sys <<<"$t"
      walls[i]+="$(awk -v a="$real" 'BEGIN {printf "%d", a * 1000}') "
      cpus[i]+="$(awk -v a="$user" -v b="$sys" 'BEGIN {printf "%d", (a + b) * 1000}') "
    done
  done
  printf '%-56s %8s %13s %8s\n' "case (n=$runs each, interleaved)" "median" "min-max" "CPU"
  for ((i = 0; i < n; i++)); do
    printf '%-56s %5d ms %6d-%-6d %5d ms\n' "${names[$i]}" "$(median ${walls[$i]})" \
      "$(printf '%s\n' ${walls[$i]} | sort -n | head -1)" "$(printf '%s\n' ${walls[$i]} | sort -n | tail -1)" \
      "$(median ${cpus[$i]})"
  done
}

median() {
  printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'
}

# await_aot HOME: waits until the background assembly of a first run's AOT cache is done (JDK 25+).
await_aot() {
  local i
  for ((i = 0; i < 600; i++)); do
    compgen -G "$1/tollgate/cds/*.aot.pending" >/dev/null || return 0
    sleep 0.2
  done
}

echo "repo: $repo"
echo "java: $(java -version 2>&1 | head -1); cores: $(nproc); load average: $(cut -d' ' -f1-3 /proc/loadavg)"

# The JDK comparison (issue 19): the same two checks, a `check --policies sources` and a full `check`
# (every policy, the advisory database), on the build's JDK 17 (its shipped archive: the usual path),
# on JDK 25 with a class-data archive made on first use (TOLLGATE_NO_AOT_CACHE=1) and on JDK 25 with
# an AOT cache (the default there). Each JDK 25 case has its own cache directory, filled by the
# unmeasured first run (the AOT cache is assembled in the background: waited for).
jdk_cases() {
  local full=(check --repo "$repo" --advisory-db "$db" --offline --format json --output "$work/full.json")
  local src=(check --repo "$repo" --policies sources --format json --output "$work/out.json")
  time_runs "JDK 17: check --policies sources" : java -jar "$jar" "${src[@]}"
  time_runs "JDK 17: check, all policies, advisory db" : java -jar "$jar" "${full[@]}"
  if [ -x "$java25/bin/java" ]; then
    local j=$java25/bin/java
    time_runs "JDK 25 empty JVM" : "$j" -cp "$work/classes" Empty
    time_runs "JDK 25, CDS archive: check --policies sources" : \
      env XDG_CACHE_HOME="$work/xdg-cds" TOLLGATE_NO_AOT_CACHE=1 "$j" -jar "$jar" "${src[@]}"
    time_runs "JDK 25, CDS archive: check, all policies, db" : \
      env XDG_CACHE_HOME="$work/xdg-cds" TOLLGATE_NO_AOT_CACHE=1 "$j" -jar "$jar" "${full[@]}"
    time_runs "JDK 25, AOT cache: check --policies sources" : \
      env XDG_CACHE_HOME="$work/xdg-aot" "$j" -jar "$jar" "${src[@]}"
    time_runs "JDK 25, AOT cache: check, all policies, db" : \
      env XDG_CACHE_HOME="$work/xdg-aot" "$j" -jar "$jar" "${full[@]}"
    # fill the caches now, so the unmeasured run of each case finds them made
    env XDG_CACHE_HOME="$work/xdg-cds" TOLLGATE_NO_AOT_CACHE=1 "$j" -jar "$jar" "${full[@]}" >/dev/null 2>&1 || true
    env XDG_CACHE_HOME="$work/xdg-aot" "$j" -jar "$jar" "${full[@]}" >/dev/null 2>&1 || true
    await_aot "$work/xdg-aot"
  else
    echo "no JDK 25 at $java25 (set JAVA25): JDK 17 only"
  fi
}

if [ "$cases" = jdks ]; then
  time_runs "empty JVM" : java -cp "$work/classes" Empty
  jdk_cases
  measure_all
  exit 0
fi

time_runs "empty JVM" : java -cp "$work/classes" Empty
time_runs "parse only (plain java, same inputs as check)" : java -cp "$work/classes:$jar" ParseOnly "$repo"
time_runs "check --policies sources (java -jar, CDS relaunch)" : \
  java -jar "$jar" check --repo "$repo" --policies sources --format json --output "$work/out.json"
time_runs "check --policies bans,sources (java -jar, CDS relaunch)" : \
  java -jar "$jar" check --repo "$repo" --policies bans,sources --format json --output "$work/out.json"
time_runs "check --policies bans (java -jar, CDS relaunch)" : \
  java -jar "$jar" check --repo "$repo" --policies bans --format json --output "$work/out.json"
time_runs "check --policies sources (TOLLGATE_NO_RELAUNCH=1)" : \
  env TOLLGATE_NO_RELAUNCH=1 java -jar "$jar" check --repo "$repo" --policies sources --format json --output "$work/out.json"
time_runs "check, sarif+markdown+junit+github reports (CDS)" : \
  java -jar "$jar" check --repo "$repo" --policies sources --format github --output "sarif=$work/out.sarif" \
    --output "markdown=$work/out.md" --output "junit=$work/out.xml"
time_runs "check --rules DIR, first run (empty cache)" "rm -rf '$work/cache'" \
  java -jar "$jar" check --repo "$repo" --policies sources --rules "$work/custom-rules" --cache-dir "$work/cache" --format json --output "$work/out.json"
time_runs "check --rules DIR, second run (cached)" : \
  java -jar "$jar" check --repo "$repo" --policies sources --rules "$work/custom-rules" --cache-dir "$work/cache" --format json --output "$work/out.json"

# Licenses need cargo metadata: a real dump (guppy, 214 packages) against cargo-deny's defaults
# (no deny.toml in that folder: nothing allowed, so every package is reported).
meta_dir=$root/../shared/corpus/cargo-metadata
meta=$meta_dir/guppy-metadata_guppy_78cb7e8.json
if [ -f "$meta" ]; then
  time_runs "check --policies sources --metadata DUMP" : \
    java -jar "$jar" check --repo "$meta_dir" --metadata "$meta" --policies sources --format json --output "$work/out.json"
  time_runs "check --policies licenses,sources --metadata DUMP" : \
    java -jar "$jar" check --repo "$meta_dir" --metadata "$meta" --policies licenses,sources --format json --output "$work/out.json"
fi
# plan affected: the RFC's example change on the same workspace (changed-files list; reads the manifests
# and the lockfile, runs the affected rules).
printf 'crates/zeroclaw-tool-call-parser/src/lib.rs\n' > "$work/changed.txt"
time_runs "plan affected --changed-files (java -jar, CDS relaunch)" : \
  java -jar "$jar" plan affected --repo "$repo" --changed-files "$work/changed.txt" --format json
time_runs "plan release --format matrix --changed-files" : \
  java -jar "$jar" plan release --repo "$repo" --changed-files "$work/changed.txt" --format matrix

# The workflows policy: every .github file of the repository (ZeroClaw head: 27 workflows, one
# composite action, dependabot.yml) read with SnakeYAML and checked; compare with the sources run above.
time_runs "check --policies workflows (java -jar, CDS relaunch)" : \
  java -jar "$jar" check --repo "$repo" --policies workflows --format json --output "$work/out.json"
time_runs "check --policies sources,workflows (java -jar)" : \
  java -jar "$jar" check --repo "$repo" --policies sources,workflows --format json --output "$work/out.json"
jdk_cases

measure_all
