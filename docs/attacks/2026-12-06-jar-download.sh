#!/usr/bin/env bash
# Attack on .github/scripts/tollgate-jar.sh download: a file planted at DIR/policy-runner-V.jar.part
# (a symbolic link) was written through by curl -o, and the "verified" jar was that link: the bytes
# checked lived outside DIR, where whoever owns them could change them after the check.
# Before the fix: prints "fake jar" (the victim overwritten) and the jar is a symlink. After: "victim content".
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
t=$(mktemp -d)
mkdir -p "$t/rel/v9.9.9" "$t/tmp/tollgate-9.9.9"
echo "fake jar" > "$t/rel/v9.9.9/policy-runner-9.9.9.jar"
sum=$(sha256sum "$t/rel/v9.9.9/policy-runner-9.9.9.jar" | cut -d' ' -f1)
echo "victim content" > "$t/victim"
ln -s ../../victim "$t/tmp/tollgate-9.9.9/policy-runner-9.9.9.jar.part"
TOLLGATE_RELEASE_BASE="file://$t/rel" TOLLGATE_JAR_SHA256="9.9.9 $sum" \
  bash "$root/.github/scripts/tollgate-jar.sh" download 9.9.9 "$t/tmp/tollgate-9.9.9"
cat "$t/victim"
test ! -L "$t/tmp/tollgate-9.9.9/policy-runner-9.9.9.jar" && echo "held: the jar is a regular file"
rm -rf "$t"
