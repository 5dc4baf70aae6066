#!/usr/bin/env bash
# Tollgate's own version plan: `plan release` on Tollgate's history (docs/releasing.md).
#
#   .github/scripts/plan-release.sh [json|changelog|version] [HEAD]
#
# `plan release` plans Cargo workspaces, and Tollgate is a Maven reactor whose modules share one
# version, as crates with `version.workspace = true` do. So this script describes the reactor as
# such a workspace (one member per Maven module, plus rules/, at the version in pom.xml without
# -SNAPSHOT) in a scratch clone that shares this repository's commits and tags, and runs the jar's
# `plan release` there: the commits, tags (v1.2.3) and rules are Tollgate's own, nothing is
# reimplemented here. `version` prints the one next version (every member gets the same).
# $TOLLGATE_JAR: the jar to run (default policy-runner/target/policy-runner.jar).
set -euo pipefail
format=${1:-json}
root=$(git rev-parse --show-toplevel)
head=$(git -C "$root" rev-parse --verify "${2:-HEAD}^{commit}")
jar=${TOLLGATE_JAR:-$root/policy-runner/target/policy-runner.jar}
[ -f "$jar" ] || { echo "no jar at $jar: build it first (mvn -B -ntp -DskipTests package)" >&2; exit 2; }

# directory:artifactId of every published module, and the reactor's version
members=(policy-api:policy-api policy-api/bom:tollgate-bom policy-runner/scenario-runner:policy-scenarios
         test-fixtures:test-fixtures policy-rules:policy-rules policy-rules/compiler:policy-rules-compiler rules:rules
         policy-runner:policy-runner)
version=$(git -C "$root" show "$head:pom.xml" |
  sed -n '/<artifactId>tollgate-parent<\/artifactId>/{n;s/.*<version>\(.*\)<\/version>.*/\1/p;q}')
version=${version%-SNAPSHOT}
[ -n "$version" ] || { echo "no version in pom.xml" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/tollgate-plan.XXXXXX")
trap 'rm -rf "$work"' EXIT
git clone --quiet --shared --no-checkout "$root" "$work/repo"
git -C "$work/repo" fetch --quiet --tags "$root" "$head" 2>/dev/null || true
{
  echo '[workspace]'
  printf 'members = ['; sep=''
  for m in "${members[@]}"; do printf '%s"%s"' "$sep" "${m%%:*}"; sep=', '; done; echo ']'
  echo 'resolver = "2"'
  echo '[workspace.package]'
  echo "version = \"$version\""
} > "$work/repo/Cargo.toml"
echo 'version = 4' > "$work/repo/Cargo.lock"
for m in "${members[@]}"; do
  dir=${m%%:*} name=${m##*:}
  mkdir -p "$work/repo/$dir"
  printf '[package]\nname = "%s"\nversion.workspace = true\n' "$name" > "$work/repo/$dir/Cargo.toml"
  printf '\n[[package]]\nname = "%s"\nversion = "%s"\n' "$name" "$version" >> "$work/repo/Cargo.lock"
done

case "$format" in
  json|changelog) java -jar "$jar" plan release --repo "$work/repo" --head "$head" --format "$format" ;;
  version)
    java -jar "$jar" plan release --repo "$work/repo" --head "$head" --format json |
      sed -n 's/^    "next" : "\(.*\)",$/\1/p' | sort -u | {
        read -r v || { echo "nothing to release since the last tag" >&2; exit 1; }
        if read -r other; then echo "members plan different versions ($v, $other)" >&2; exit 2; fi
        echo "$v"; } ;;
  *) echo "usage: $0 [json|changelog|version] [HEAD]" >&2; exit 2 ;;
esac
