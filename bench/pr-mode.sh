#!/usr/bin/env bash
# PR mode's cost: the same check on ZeroClaw with and without --base, the base's policy read from git.
#   bench/pr-mode.sh [RUNS]     (default 11 runs per case, interleaved)
# A repository is made in a temporary directory: the base commit is ZeroClaw pre-rationalise, the
# head commit ZeroClaw head, both with the corpus RustSec database committed inside the repository
# (1,205 advisories: the worst case for PR mode, which copies the base's database out of git) and
# named by tollgate.toml. Needs the built jar, git, and ../shared/corpus.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
corpus=$root/../shared/corpus
runs=${1:-11}
jar=$root/policy-runner/target/policy-runner.jar
[ -f "$jar" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
repo=$work/repo
mkdir -p "$repo"
git -C "$repo" init -q -b main
snapshot() {
  find "$repo" -mindepth 1 -maxdepth 1 ! -name .git -exec rm -rf {} +
  cp -r "$corpus/zeroclaw/$1/." "$repo/"
  mkdir -p "$repo/advisory-db" && cp -r "$corpus/advisory-db/crates" "$repo/advisory-db/"
  printf '[advisories]\ndb = "advisory-db"\n' > "$repo/tollgate.toml"
  git -C "$repo" add -A
  git -C "$repo" -c user.name=bench -c user.email=bench@example.org commit -q -m "chore: $1"
}
snapshot pre-rationalise
snapshot head
echo "repo: ZeroClaw pre-rationalise -> head, advisory db of $(find "$repo/advisory-db" -name '*.md' | wc -l) files in the repository"
echo "java: $(java -version 2>&1 | head -1); cores: $(nproc)"

names=() cmds=()
case_() { local name=$1; shift; local q; printf -v q '%q ' "$@"; names+=("$name"); cmds+=("$q"); }
base=(java -jar "$jar" check --repo "$repo" --policies sources,advisories --offline --format json --output "$work/out.json")
case_ "check --policies sources,advisories (no --base)" "${base[@]}"
case_ "  --base HEAD~1 (policy from the base)" "${base[@]}" --base HEAD~1
case_ "  --base HEAD~1 --policy-from head" "${base[@]}" --base HEAD~1 --policy-from head

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'; }
n=${#names[@]}
declare -a walls
for ((i = 0; i < n; i++)); do eval "${cmds[$i]}" >/dev/null 2>&1 || true; walls[i]=""; done
TIMEFORMAT='%3R'
for ((r = 0; r < runs; r++)); do
  for ((i = 0; i < n; i++)); do
    t=$( { time eval "${cmds[$i]}" >/dev/null 2>&1 || true; } 2>&1 )
    walls[i]+="$(awk -v a="$t" 'BEGIN {printf "%d", a * 1000}') "
  done
done
printf '%-52s %8s %13s\n' "case (n=$runs each, interleaved)" "median" "min-max"
for ((i = 0; i < n; i++)); do
  printf '%-52s %5d ms %6d-%-6d\n' "${names[$i]}" "$(median ${walls[$i]})" \
    "$(printf '%s\n' ${walls[$i]} | sort -n | head -1)" "$(printf '%s\n' ${walls[$i]} | sort -n | tail -1)"
done
