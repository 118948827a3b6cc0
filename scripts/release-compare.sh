#!/bin/sh
# Compares two release archives as the release promises they compare: the same file list (names,
# types, modes, owners, times) and the same jar contents, entry by entry. The AOT cache and the
# stripped runtime may differ in bytes between builds; everything else is checked whole.
#   scripts/release-compare.sh A.tar.gz B.tar.gz
# Exit 0 when they compare equal, 1 with the differences otherwise.
set -eu
[ $# -eq 2 ] || { echo "usage: $0 A.tar.gz B.tar.gz" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
describe() { # ARCHIVE OUT: the listing, then every jar entry's digest
  tar -tvzf "$1" --full-time | awk '{ $3 = ""; print }' > "$2.list"
  mkdir "$2.tree"
  tar -xzf "$1" -C "$2.tree"
  (cd "$2.tree" && find . -name '*.jar' | sort | while read -r jar; do
    unzip -Z1 "$jar" | sort | while read -r entry; do
      printf '%s!%s %s\n' "$jar" "$entry" "$(unzip -p "$jar" "$entry" | sha256sum | cut -c1-64)"
    done
  done) > "$2.jars"
  # Plain files outside the runtime and the start-up cache, by content.
  (cd "$2.tree" && find . -type f ! -path '*/runtime/*' ! -name '*.jar' ! -name '*.aot' \
    ! -name 'appbox.jsa' | sort | xargs sha256sum) > "$2.files"
}
describe "$1" "$work/a"
describe "$2" "$work/b"
status=0
for part in list jars files; do
  if ! diff -u "$work/a.$part" "$work/b.$part" > "$work/$part.diff"; then
    echo "== $part differ:"; cat "$work/$part.diff"; status=1
  fi
done
[ $status = 0 ] && echo "same file list, same jar contents, same files: $1 and $2"
exit $status
