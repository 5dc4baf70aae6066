#!/usr/bin/env bash
# Reproducible builds: two builds of one commit must give byte-identical jars (every module's
# jar, sources and javadoc jar, and the shaded policy-runner.jar). CI runs it (ci.yml, job
# `reproducible`); docs/releasing.md explains it.
#
#   .github/scripts/reproducible-build.sh [REF]        build REF (default HEAD) twice, compare
#   .github/scripts/reproducible-build.sh --compare A B compare the jars under two build trees
#
# The two builds run from `git archive REF` in two directories with different paths (so a jar that
# records where it was built differs too), each with `mvn -B -ntp -DskipTests package` plus
# $MVN_ARGS (for example `-o`). Exit 0 identical, 1 a jar differs or is missing on one side (each
# differing entry is listed, with a unified diff for text entries), 2 a build failed or bad usage.
set -euo pipefail

usage() { echo "usage: $0 [REF] | --compare DIR_A DIR_B" >&2; exit 2; }

# jars DIR: the relative paths of the jars of a build tree, sorted (target/ of every module).
jars() {
  (cd "$1" && find . -path '*/target/*' -name '*.jar' -not -path '*/target/*/*' \
      -not -path './bench/*' | sed 's|^\./||' | LC_ALL=C sort)
}

# explain A B: which entries of two jars differ (names, then bytes), as diffoscope would say.
explain() {
  local a=$1 b=$2 t
  t=$(mktemp -d)
  mkdir "$t/a" "$t/b"
  unzip -qq -o "$a" -d "$t/a" 2>/dev/null || true
  unzip -qq -o "$b" -d "$t/b" 2>/dev/null || true
  diff <(zipinfo -T "$a" 2>/dev/null | sed 1d) <(zipinfo -T "$b" 2>/dev/null | sed 1d) | sed -n '1,20p' | sed 's/^/    zipinfo: /' || true
  diff -rq "$t/a" "$t/b" | sed "s|$t/||g; s/^/    /" | sed -n '1,40p' || true
  # a unified diff of each differing text entry (class files are shown with javap)
  diff -rq "$t/a" "$t/b" | sed -n 's/^Files \(.*\) and \(.*\) differ$/\1\t\2/p' | head -5 |
    while IFS=$'\t' read -r x y; do
      case "$x" in
        *.class) diff <(javap -c -p -constants "$x" 2>/dev/null) <(javap -c -p -constants "$y" 2>/dev/null) | head -20 | sed 's/^/      /' || true ;;
        *) if grep -Iq . "$x" 2>/dev/null; then diff -u "$x" "$y" | head -20 | sed "s|$t/||; s/^/      /" || true; fi ;;
      esac
    done || true
  rm -rf "$t"
}

compare() {
  local a=$1 b=$2 status=0 n=0 f
  [ -d "$a" ] && [ -d "$b" ] || usage
  diff <(jars "$a") <(jars "$b") > /dev/null || {
    echo "the two builds made different jars:"
    diff <(jars "$a") <(jars "$b") | sed -n 's/^[<>] /  /p'
    status=1
  }
  while read -r f; do
    [ -f "$b/$f" ] || continue
    n=$((n + 1))
    if cmp -s "$a/$f" "$b/$f"; then
      echo "identical  $(sha256sum "$a/$f" | cut -c1-16)  $f"
    else
      echo "DIFFERENT  $f"
      explain "$a/$f" "$b/$f"
      status=1
    fi
  done < <(jars "$a")
  if [ "$n" -eq 0 ]; then echo "no jars found under $a" >&2; return 2; fi
  if [ "$status" -eq 0 ]; then echo "reproducible: $n jars identical"; else echo "not reproducible"; fi
  return "$status"
}

build() {
  local src=$1 dir=$2
  mkdir -p "$dir"
  git -C "$src" archive --format=tar "$ref" | tar -x -C "$dir"
  echo "building $ref in $dir"
  # shellcheck disable=SC2086
  (cd "$dir" && mvn -B -ntp -q -DskipTests ${MVN_ARGS:-} package) > "$dir.log" 2>&1 || {
    echo "the build in $dir failed:" >&2; tail -40 "$dir.log" >&2; return 2; }
}

if [ "${1:-}" = "--compare" ]; then
  [ $# -eq 3 ] || usage
  compare "$2" "$3"
  exit $?
fi
[ $# -le 1 ] || usage
ref=${1:-HEAD}
root=$(git rev-parse --show-toplevel)
git -C "$root" rev-parse --verify --quiet "$ref^{commit}" > /dev/null || { echo "not a commit: $ref" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/tollgate-repro.XXXXXX")
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
build "$root" "$work/first" || exit 2
build "$root" "$work/second-build" || exit 2
set +e
compare "$work/first" "$work/second-build"
status=$?
set -e
exit "$status"
