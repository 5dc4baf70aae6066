#!/usr/bin/env bash
# The jar the action runs (action.yml): a released jar, downloaded and checked against the SHA-256
# pinned in action.yml, or, from an untagged ref, the one built from the action's own source.
#
#   tollgate-jar.sh version ACTION_PATH [ACTION_REF] [VERSION_INPUT]
#       the release to download: VERSION_INPUT; else the action's ref when it is a release tag
#       (v1.2.3); else the version in ACTION_PATH/pom.xml when it is a release (a tagged release
#       commit; every other commit is a -SNAPSHOT). Prints nothing for "build from source".
#   tollgate-jar.sh download VERSION DIR
#       downloads $TOLLGATE_RELEASE_BASE/vVERSION/policy-runner-VERSION.jar into DIR, checks it
#       with `sha256sum --check` against the line "VERSION SHA256" of $TOLLGATE_JAR_SHA256 and
#       prints the jar's path. No pinned checksum, a failed download or a mismatch: exit 1, and the
#       jar is deleted.
#   tollgate-jar.sh source-hash ACTION_PATH
#       a SHA-256 over the files the jar is built from (the cache key of a source build).
#
# TOLLGATE_RELEASE_BASE: where releases are downloaded from (default
# https://github.com/tollgate-dev/tollgate/releases/download); any URL curl reads, file:// too.
set -euo pipefail

die() { echo "::error title=Tollgate::$*" >&2; exit 1; }
semver='^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$'

cmd_version() {
  local path=$1 ref=${2:-} input=${3:-} v
  if [ -n "$input" ]; then
    v=${input#v}
    [[ "$v" =~ $semver ]] || die "version \`$input\` is not a release version (1.2.3)"
    echo "$v"; return
  fi
  if [[ "$ref" =~ ^v[0-9]+\.[0-9]+\.[0-9]+ ]] && [[ "${ref#v}" =~ $semver ]]; then
    echo "${ref#v}"; return
  fi
  # the project's own version: the first <version> after the parent's <artifactId>
  v=$(sed -n '/<artifactId>tollgate-parent<\/artifactId>/{n;s/.*<version>\(.*\)<\/version>.*/\1/p;q}' "$path/pom.xml" 2>/dev/null || true)
  if [ -n "$v" ] && [[ "$v" != *-SNAPSHOT ]] && [[ "$v" =~ $semver ]]; then echo "$v"; fi
}

cmd_download() {
  local version=$1 dir=$2 base pinned name
  base=${TOLLGATE_RELEASE_BASE:-https://github.com/tollgate-dev/tollgate/releases/download}
  pinned=$(printf '%s\n' "${TOLLGATE_JAR_SHA256:-}" | awk -v v="$version" '$1 == v { print $2; exit }')
  [ -n "$pinned" ] || die "no SHA-256 is pinned in action.yml for Tollgate $version: use a release of the action that pins it, or set \`jar\`"
  [[ "$pinned" =~ ^[0-9a-f]{64}$ ]] || die "the SHA-256 pinned for Tollgate $version is not 64 hex digits: $pinned"
  name="policy-runner-$version.jar"
  mkdir -p "$dir"
  [ -d "$dir" ] && [ ! -L "$dir" ] || die "$dir is not a directory of its own (a symbolic link?); not downloading into it"
  rm -f "$dir/$name" "$dir/$name.part"
  # a fresh file (mktemp creates it, never through a link planted at a known name), renamed over the jar
  local part
  part=$(mktemp "$dir/$name.XXXXXXXX")
  echo "downloading ${base%/}/v$version/$name" >&2
  curl -fsSL --retry 3 --proto '=https,file' -o "$part" "${base%/}/v$version/$name" ||
    { rm -f "$part"; die "could not download ${base%/}/v$version/$name"; }
  mv -f -T "$part" "$dir/$name"
  # the check itself: sha256sum --check, on the pinned checksum
  if ! (cd "$dir" && printf '%s  %s\n' "$pinned" "$name" | sha256sum --check --strict --status -); then
    local got
    got=$(sha256sum "$dir/$name" | cut -d' ' -f1)
    rm -f "$dir/$name"
    die "$name does not match the SHA-256 pinned in action.yml (expected $pinned, got $got); not running it"
  fi
  echo "verified $name: sha256 $pinned" >&2
  echo "$dir/$name"
}

cmd_source_hash() {
  local path=$1
  (cd "$path" && find pom.xml LICENSE .mvn rules policy-api policy-rules policy-runner test-fixtures \
      -name target -prune -o -type f -print 2>/dev/null | LC_ALL=C sort | xargs -d '\n' sha256sum) |
    sha256sum | cut -d' ' -f1
}

case "${1:-}" in
  version) shift; [ $# -ge 1 ] || die "usage: $0 version ACTION_PATH [REF] [VERSION]"; cmd_version "$@" ;;
  download) shift; [ $# -eq 2 ] || die "usage: $0 download VERSION DIR"; cmd_download "$@" ;;
  source-hash) shift; [ $# -eq 1 ] || die "usage: $0 source-hash ACTION_PATH"; cmd_source_hash "$@" ;;
  *) echo "usage: $0 version|download|source-hash ..." >&2; exit 2 ;;
esac
