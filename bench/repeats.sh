#!/usr/bin/env bash
# Large config arrays and repeated findings: wall time and peak RSS of `java -jar policy-runner.jar
# check` on the demo workspace whose deny.toml (or tollgate.toml) has one array of N entries.
#   bench/repeats.sh [N] [RUNS] [CASE...]     (default N=100000, RUNS=3, every case)
# TOLLGATE_JARS="a.jar b.jar" runs each case with each jar in every round (a before/after comparison,
# interleaved; rows are CASE@N for the Nth jar).
# Rounds are interleaved (each round runs every case once), so a host that drifts moves every case
# alike. Prints per case the median wall time, the median CPU time (user + system), the median and max peak RSS (from /usr/bin/time -v
# when present), the exit code, and the size of the text report. Needs the built jar
# (mvn -B -DskipTests package).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
n=${1:-100000}
runs=${2:-3}
shift $(( $# > 2 ? 2 : $# )) || true
read -r -a jars <<< "${TOLLGATE_JARS:-$root/policy-runner/target/policy-runner.jar}"
for jar in "${jars[@]}"; do [ -f "$jar" ] || { echo "build first: mvn -B -DskipTests package ($jar)" >&2; exit 2; }; done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
demo=$root/test-fixtures/demo

# One array of N generated entries (awk: linear, no shell loop).
entries() { awk -v n="$n" -v f="$1" 'BEGIN { for (i = 0; i < n; i++) printf f "\n", i, i }'; }

make_case() {
  local name=$1 dir=$work/$1
  cp -r "$demo" "$dir"
  {
    printf '[graph]\nall-features = false\n'
    case $name in
      allow-git)      printf '[sources]\nallow-git = [\n'; entries '"https://github.com/unused/repo-%d",'; printf ']\n' ;;
      allow-git-same) printf '[sources]\nallow-git = [\n'; entries '"https://github.com/unused/same",'; printf ']\n' ;;
      allow-registry) printf '[sources]\nallow-registry = ["https://github.com/rust-lang/crates.io-index",\n'; entries '"https://example.com/index-%d",'; printf ']\n' ;;
      allow-org)      printf '[sources.allow-org]\ngithub = [\n'; entries '"org-%d",'; printf ']\n' ;;
      licenses-allow) printf '[licenses]\nallow = ["MIT", "Apache-2.0", "Unicode-3.0",\n'; entries '"LicenseRef-unused-%d",'; printf ']\n' ;;
      exceptions)     printf '[licenses]\nallow = ["MIT", "Apache-2.0", "Unicode-3.0"]\nexceptions = [\n'; entries '{ crate = "nocrate-%d", allow = ["MIT"] },'; printf ']\n' ;;
      bans-skip)      printf '[bans]\nskip = [\n'; entries '"nocrate-%d@1.0.%d",'; printf ']\n' ;;
      bans-deny)      printf '[bans]\ndeny = [\n'; entries '"nocrate-%d",'; printf ']\n' ;;
      bans-skip-tree) printf '[bans]\nskip-tree = [\n'; entries '"nocrate-%d",'; printf ']\n' ;;
      bans-features)  printf '[bans]\nfeatures = [{ crate = "demo-plugins", allow = ["default", "widgets",\n'; entries '"nofeature-%d",'; printf '] }]\n' ;;
      ignore)         printf '[advisories]\nignore = [\n'; entries '{ id = "RUSTSEC-2000-%06d", reason = "r" },'; printf ']\n' ;;
      tollgate-crates|tollgate-types) : ;;
      *) echo "unknown case $name" >&2; exit 2 ;;
    esac
  } > "$dir/deny.toml"
  if [ "$name" = tollgate-crates ]; then
    { printf '[advisories]\ndb = "../advisory-db"\n[release.artifacts.cli]\ncrates = [\n'; entries '"demo-cli-%d",'; printf ']\n'; } > "$dir/tollgate.toml"
  fi
  if [ "$name" = tollgate-types ]; then
    { printf '[advisories]\ndb = "../advisory-db"\n[commits]\nextra-types = [\n'; entries '"type%d",'; printf ']\n'; } > "$dir/tollgate.toml"
  fi
  # the demo's tollgate.toml names its db relative to the demo
  sed -i "s|\"../advisory-db\"|\"$root/test-fixtures/advisory-db\"|" "$dir/tollgate.toml"
}

cases=("$@")
[ ${#cases[@]} -gt 0 ] || cases=(allow-git allow-git-same allow-registry allow-org licenses-allow exceptions bans-skip bans-deny bans-skip-tree bans-features ignore tollgate-crates tollgate-types)
for c in "${cases[@]}"; do make_case "$c"; done

run_case() {
  local c=$1 dir=$work/$1 jar=${jars[$2]} t0 t1 rc rss cpu
  [ ${#jars[@]} -eq 1 ] || c=$1@$2
  t0=$(date +%s%N)
  set +e
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -v -o "$work/$c.time" java -jar "$jar" check --repo "$dir" --metadata "$dir/cargo-metadata.json" \
      --advisory-db "$root/test-fixtures/advisory-db" >"$work/$c.out" 2>"$work/$c.err"
    rc=$?
    rss=$(awk -F: '/Maximum resident/ { gsub(/ /, "", $2); print $2 }' "$work/$c.time")
    cpu=$(awk -F: '/User time|System time/ { s += $2 } END { printf "%d", s * 1000 }' "$work/$c.time")
  else
    java -jar "$jar" check --repo "$dir" --metadata "$dir/cargo-metadata.json" \
      --advisory-db "$root/test-fixtures/advisory-db" >"$work/$c.out" 2>"$work/$c.err"
    rc=$?
    rss=0
    cpu=0
  fi
  set -e
  t1=$(date +%s%N)
  echo "$c $(( (t1 - t0) / 1000000 )) ${rss:-0} ${cpu:-0} $rc $(wc -c < "$work/$c.out") $(wc -l < "$work/$c.out")" >> "$work/results"
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); N=$n, $runs rounds"
# one unmeasured run per jar (a jar that is not where it was built makes its class-data archive on first use)
for j in "${!jars[@]}"; do run_case "${cases[0]}" "$j"; done
: > "$work/results"
for _ in $(seq "$runs"); do
  for c in "${cases[@]}"; do
    for j in "${!jars[@]}"; do run_case "$c" "$j"; done
  done
done
rows=()
for c in "${cases[@]}"; do
  if [ ${#jars[@]} -eq 1 ]; then rows+=("$c"); else for j in "${!jars[@]}"; do rows+=("$c@$j"); done; fi
done
printf '%-18s %9s %9s %9s %12s %12s %5s %11s %8s\n' case median-ms max-ms cpu-ms median-RSS-MiB max-RSS-MiB exit report-bytes lines
for c in "${rows[@]}"; do
  med() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
  mx() { sort -n | tail -1; }
  t=$(awk -v c="$c" '$1 == c { print $2 }' "$work/results")
  r=$(awk -v c="$c" '$1 == c { print $3 }' "$work/results")
  u=$(awk -v c="$c" '$1 == c { print $4 }' "$work/results")
  last=$(awk -v c="$c" '$1 == c { l = $5 " " $6 " " $7 } END { print l }' "$work/results")
  read -r rc bytes nlines <<< "$last"
  printf '%-18s %9d %9d %9d %12d %12d %5d %11d %8d\n' "$c" "$(med <<< "$t")" "$(mx <<< "$t")" "$(med <<< "$u")" \
    "$(( $(med <<< "$r") / 1024 ))" "$(( $(mx <<< "$r") / 1024 ))" "$rc" "$bytes" "$nlines"
  if [ "$(wc -l < "$work/$c.err")" -gt 1 ]; then echo "  stderr of $c has more than one line:" >&2; head -3 "$work/$c.err" >&2; fi
done
