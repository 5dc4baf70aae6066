#!/usr/bin/env bash
# Cold-start benchmark: median wall time of N fresh JVM runs of each case, on a real workspace.
#   bench/cold-start.sh [REPO] [RUNS]     (default: ../shared/corpus/zeroclaw/head, 15 runs)
# Needs the built jar (mvn -B -DskipTests package). Uses only bash, java/javac, date, sort, awk.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
repo=${1:-$root/../shared/corpus/zeroclaw/head}
runs=${2:-15}
jar=$root/policy-runner/target/policy-runner.jar
[ -f "$jar" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/classes"
printf 'public class Empty { public static void main(String[] a) {} }\n' > "$work/Empty.java"
javac -d "$work/classes" "$work/Empty.java"
javac -d "$work/classes" -cp "$jar" "$here/ParseOnly.java"
cp -r "$root/rules" "$work/custom-rules"

# time_runs NAME SETUP CMD...: runs SETUP (may be :) then CMD, RUNS times; prints the median in seconds.
time_runs() {
  local name=$1 setup=$2; shift 2
  local times=()
  "$@" >/dev/null 2>&1 || true   # one unmeasured run: page cache and file system warm, JVM cold
  for _ in $(seq "$runs"); do
    eval "$setup"
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    t1=$(date +%s%N)
    times+=("$(( (t1 - t0) / 1000000 ))")
  done
  local sorted median min max
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  median=$(printf '%s\n' "$sorted" | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}')
  min=$(printf '%s\n' "$sorted" | head -1); max=$(printf '%s\n' "$sorted" | tail -1)
  printf '%-52s median %5d ms   (min %d, max %d, n=%d)\n' "$name" "$median" "$min" "$max" "$runs"
}

echo "repo: $repo"
echo "java: $(java -version 2>&1 | head -1); cores: $(nproc)"
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
