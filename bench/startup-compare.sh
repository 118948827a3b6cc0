#!/usr/bin/env bash
# Before and after a change: the start-up of `appbox --engine docker list`, `appbox --version
# --json` (both start Java) and `appbox --version` (the launcher answers it) for two built
# distributions, run in turns so that a busy machine slows both alike. Medians, in ms.
#   bench/startup-compare.sh BEFORE-DIST AFTER-DIST      (as root, with Docker running)
# Build BEFORE-DIST from a clone at the older commit: mvn -o -DskipTests package, then
# appbox-cli/target/appbox.
set -euo pipefail
before=${1:?the distribution before}; after=${2:?the distribution after}
RUNS=${RUNS:-21}
home=$(mktemp -d); trap 'rm -rf "$home"' EXIT
run() { env -i HOME="$home" PATH=/usr/bin:/bin LANG=C.UTF-8 XDG_RUNTIME_DIR="$home" "$@" >/dev/null 2>&1; }
ms() { local t0 t1; t0=$(date +%s%N); run "$@"; t1=$(date +%s%N); echo $(( (t1 - t0) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for case in "list:--engine docker list" "version-json:--version --json" "version:--version"; do
  name=${case%%:*}; args=${case#*:}
  run "$before/bin/appbox" $args; run "$after/bin/appbox" $args
  : > "$home/before"; : > "$home/after"
  for _ in $(seq 1 "$RUNS"); do
    ms "$before/bin/appbox" $args >> "$home/before"
    ms "$after/bin/appbox" $args >> "$home/after"
  done
  printf '%-13s before %4s ms   after %4s ms   (%s runs each, in turns)\n' \
    "$name" "$(median < "$home/before")" "$(median < "$home/after")" "$RUNS"
done
