#!/usr/bin/env bash
# A rule author's edit loop, cold JVMs on a real workspace: median wall and CPU time of
#   bundled   check with the shipped rules only
#   cold      check --rules DIR right after editing DIR's one file, with an empty cache directory
#   cached    check --rules DIR again (the compiled rules come from the cache)
# run round-robin (every round runs every case once, so a host that drifts moves all cases alike).
#   bench/edit-loop.sh [REPO] [RUNS] [-- CHECK ARGS...]
# (default ../shared/corpus/zeroclaw/head, 11 runs, args: --policies sources --format json).
# JARS="a.jar b.jar" compares builds (each case runs with each jar in turn); default: this tree's jar.
# Run each jar where it was built: its start-up archive records the jar's path.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
repo=${1:-$root/../shared/corpus/zeroclaw/head}
runs=${2:-11}
shift $(( $# < 2 ? $# : 2 ))
[ "${1:-}" = "--" ] && shift
args=("$@")
[ ${#args[@]} -eq 0 ] && args=(--policies sources --format json)
read -r -a jars <<<"${JARS:-$root/policy-runner/target/policy-runner.jar}"
for j in "${jars[@]}"; do [ -f "$j" ] || { echo "no jar $j (build: mvn -B -DskipTests package)" >&2; exit 2; }; done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The rule of docs/authoring.md (msrv), one file in its own directory.
mkdir -p "$work/rules"
cat > "$work/rules/msrv.drl" <<'EOF'
package tollgate.msrv;

import dev.tollgate.api.facts.*;
import dev.tollgate.api.findings.*;

rule "workspace crate without rust-version"
    @code("missing-rust-version")
    @severity("error")
    @doc("A workspace crate does not set rust-version, so nothing tells its users or CI which Rust it needs.")
when
    $m : WorkspaceMember( rustVersion == "" )
then
    insert(Finding.of("msrv", "missing-rust-version", Severity.ERROR,
            $m.name() + " does not set rust-version in " + $m.manifestPath()
            + "; add rust-version = \"1.xx\" to [package], or rust-version.workspace = true")
        .at($m.origin()).about($m.id()));
end
EOF

edits=0
# An edit: the file's text changes (so its hash, and the cache key, change) and the cache is empty.
edit() {
  edits=$((edits + 1))
  printf '// edit %d\n' "$edits" >> "$work/rules/msrv.drl"
  rm -rf "$work/cold-cache"
}

# one JAR CASE: one run; appends "wall_ms cpu_ms" to $work/CASE.JARINDEX
one() {
  local jar=$1 case=$2 idx=$3 t0 t1 c0 c1 extra=()
  case $case in
    cold) edit; extra=(--rules "$work/rules" --cache-dir "$work/cold-cache") ;;
    cached) extra=(--rules "$work/rules-cached" --cache-dir "$work/cache-$idx") ;;
  esac
  read -r c0 < <(awk '{print $14+$15+$16+$17}' /proc/$$/stat)
  t0=$(date +%s%N)
  ( java -jar "$jar" check --repo "$repo" "${args[@]}" "${extra[@]}" --output "$work/out" >/dev/null 2>"$work/err" || true )
  t1=$(date +%s%N)
  read -r c1 < <(awk '{print $14+$15+$16+$17}' /proc/$$/stat)
  if grep -q . "$work/err"; then echo "$case with $jar wrote to stderr:" >&2; cat "$work/err" >&2; exit 2; fi
  echo "$(( (t1 - t0) / 1000000 )) $(( (c1 - c0) * 1000 / $(getconf CLK_TCK) ))" >> "$work/$case.$idx"
}
median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'; }

mkdir -p "$work/rules-cached"
cp "$work/rules/msrv.drl" "$work/rules-cached/"
cases=(bundled cold cached)
# one unmeasured round: page cache warm, the cached case's cache filled, JVMs cold
for i in "${!jars[@]}"; do for c in "${cases[@]}"; do one "${jars[$i]}" "$c" "$i"; done; done
rm -f "$work"/bundled.* "$work"/cold.* "$work"/cached.*
load0=$(cut -d' ' -f1-3 /proc/loadavg)
for _ in $(seq "$runs"); do
  for c in "${cases[@]}"; do for i in "${!jars[@]}"; do one "${jars[$i]}" "$c" "$i"; done; done
done
echo "repo: $repo   args: ${args[*]}   runs: $runs each, interleaved"
echo "load average: before $load0, after $(cut -d' ' -f1-3 /proc/loadavg); cores: $(nproc); $(java -version 2>&1 | head -1)"
for i in "${!jars[@]}"; do
  echo "jar $i: ${jars[$i]}"
  b=$(cut -d' ' -f1 "$work/bundled.$i" | median)
  for c in "${cases[@]}"; do
    w=$(cut -d' ' -f1 "$work/$c.$i" | median)
    printf '  %-8s median wall %5d ms (%5d-%-5d)  median cpu %5d ms  %4s x bundled\n' "$c" "$w" \
      "$(cut -d' ' -f1 "$work/$c.$i" | sort -n | head -1)" "$(cut -d' ' -f1 "$work/$c.$i" | sort -n | tail -1)" \
      "$(cut -d' ' -f2 "$work/$c.$i" | median)" "$(awk -v w="$w" -v b="$b" 'BEGIN {printf "%.2f", w / b}')"
  done
done
