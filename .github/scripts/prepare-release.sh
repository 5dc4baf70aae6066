#!/usr/bin/env bash
# Prepares the release commit (docs/releasing.md), on a clean checkout of main:
#
#   .github/scripts/prepare-release.sh            the next version from Tollgate's own plan
#   .github/scripts/prepare-release.sh --next     after the release: poms to the next -SNAPSHOT
#   .github/scripts/prepare-release.sh --changelog only CHANGELOG.md, from the plan (between releases)
#
# 1. the version and the changelog come from `plan release` (plan-release.sh) on this history;
# 2. every pom (the BOM too) goes from X-SNAPSHOT to the version;
# 3. CHANGELOG.md gets the plan's sections, newest first;
# 4. the shaded jar is built (reproducibly: any build of this commit gives these bytes) and its
#    SHA-256 is pinned in action.yml, the checksum the action checks a downloaded jar against.
# It commits nothing: review `git diff`, commit `chore(release): vX.Y.Z`, tag `vX.Y.Z`, push both.
# $MVN_ARGS go to Maven (for example -o).
set -euo pipefail
root=$(git rev-parse --show-toplevel)
cd "$root"
current=$(sed -n '/<artifactId>tollgate-parent<\/artifactId>/{n;s/.*<version>\(.*\)<\/version>.*/\1/p;q}' pom.xml)
poms=$(git ls-files 'pom.xml' '*/pom.xml')

set_version() {   # every dev.tollgate version: the string appears in no other coordinate
  local from=$1 to=$2 f
  # docs/embedding.md: its pom imports the BOM of this version (EmbeddingPomIT builds it)
  for f in $poms docs/embedding.md; do sed -i "s|<version>$from</version>|<version>$to</version>|g" "$f"; done
  grep -q "<version>$to</version>" pom.xml || { echo "could not set the version in pom.xml" >&2; exit 2; }
}

# changelog_update VERSION PLAN: CHANGELOG.md is the plan's header, the plan's sections for VERSION
# (replacing any already there), then the older versions' sections.
changelog_update() {
  local version=$1 plan=$2 old=""
  [ -f CHANGELOG.md ] && old=$(awk -v v="$version" '/^## / { keep = index($0, "[" v "]") == 0 } keep' CHANGELOG.md)
  {
    printf '%s\n' "$plan" | sed -n '/^## /q;p'
    printf '%s\n' "$plan" | sed -n '/^## /,$p'
    if [ -n "$old" ]; then echo; printf '%s\n' "$old"; fi
  } > CHANGELOG.md.new
  mv CHANGELOG.md.new CHANGELOG.md
}

if [ "${1:-}" = "--changelog" ]; then   # only step 3, for the version the plan gives
  changelog_update "$(.github/scripts/plan-release.sh version)" "$(.github/scripts/plan-release.sh changelog)"
  exit 0
fi
if [ "${1:-}" = "--next" ]; then
  [[ "$current" != *-SNAPSHOT ]] || { echo "already a -SNAPSHOT: $current" >&2; exit 2; }
  IFS=. read -r major minor patch <<< "${current%%[-+]*}"
  next="$major.$minor.$((patch + 1))-SNAPSHOT"
  set_version "$current" "$next"
  echo "poms: $current -> $next; commit: chore(release): start $next"
  exit 0
fi
[ -z "$(git status --porcelain --untracked-files=no)" ] || { echo "the working tree has changes: commit or stash them" >&2; exit 2; }
[ $# -eq 0 ] || { echo "usage: $0 [--next|--changelog]" >&2; exit 2; }

# shellcheck disable=SC2086
mvn -B -ntp -q -DskipTests ${MVN_ARGS:-} package    # the jar that plans (this commit's rules)
version=$(.github/scripts/plan-release.sh version)
changelog=$(.github/scripts/plan-release.sh changelog)
echo "version plan: $current -> $version"

set_version "$current" "$version"

changelog_update "$version" "$changelog"

# shellcheck disable=SC2086
mvn -B -ntp -q -DskipTests ${MVN_ARGS:-} package    # the release's own jar
sha=$(sha256sum policy-runner/target/policy-runner.jar | cut -d' ' -f1)
awk -v line="          $version $sha" '{ print } /^        TOLLGATE_JAR_SHA256: \|$/ { print line }' action.yml > action.yml.new
mv action.yml.new action.yml
grep -q "^          $version $sha\$" action.yml || { echo "could not pin the checksum in action.yml" >&2; exit 2; }
echo "policy-runner-$version.jar: sha256 $sha (pinned in action.yml)"
echo "next: review git diff; git commit -am 'chore(release): v$version'; git tag -a v$version -m 'Tollgate $version'; git push origin HEAD v$version"
