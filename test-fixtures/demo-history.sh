#!/usr/bin/env bash
# Builds the demo's small git history: a copy of test-fixtures/demo with five commits after a
# release tag, for the README walkthrough of the commits policy and `plan release`.
#
#   test-fixtures/demo-history.sh [DEST]      (default: ${TMPDIR:-/tmp}/tollgate-demo-repo; replaced)
#
# History (dates fixed, so ids are the same on every machine with the same git):
#   chore: demo workspace 0.3.1              tag v0.3.1 (the workspace is released as one version)
#   feat(core): add the Widget type          crates/demo-core
#   perf(core): cache parsed configs         crates/demo-core
#   fix(cli): exit with 2 on a bad flag      crates/demo-cli
#   Update the plugins readme                crates/demo-plugins   <- not a conventional commit
#   docs: explain the demo                   README.md             (no crate)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dest="${1:-${TMPDIR:-/tmp}/tollgate-demo-repo}"
rm -rf "$dest"
mkdir -p "$dest"
cp -R "$here/demo/." "$dest/"
# The demo's tollgate.toml names its advisory database relative to test-fixtures/demo; the copy
# lives elsewhere, so it names the same database by its absolute path.
sed -i.bak "s|^db = \"../advisory-db\"|db = \"$here/advisory-db\"|" "$dest/tollgate.toml" && rm -f "$dest/tollgate.toml.bak"
cd "$dest"

n=0
commit() {
  n=$((n + 1))
  local when="2026-11-0${n}T10:00:00+00:00"
  GIT_AUTHOR_DATE="$when" GIT_COMMITTER_DATE="$when" \
    git -c user.name="Demo Dev" -c user.email="dev@example.com" -c commit.gpgsign=false \
        commit -q --no-verify -m "$1"
}

git init -q -b main .
git add -A
commit "chore: demo workspace 0.3.1"
git -c tag.gpgsign=false tag v0.3.1

printf '\n/// A widget.\npub struct Widget;\n' >> crates/demo-core/src/lib.rs
git add -A && commit "feat(core): add the Widget type"

printf '\n// configs are parsed once\n' >> crates/demo-core/src/lib.rs
git add -A && commit "perf(core): cache parsed configs"

printf '\n// exit code 2 on a bad flag\n' >> crates/demo-cli/src/main.rs
git add -A && commit "fix(cli): exit with 2 on a bad flag"

printf '\n// see the plugins readme\n' >> crates/demo-plugins/src/lib.rs
git add -A && commit "Update the plugins readme"

printf '\nThe history of this copy is built by demo-history.sh.\n' >> README.md
git add -A && commit "docs: explain the demo"

echo "$dest"
