#!/usr/bin/env bash
# Issue 13's clone benchmark: `appbox create NEW --clone OLD` (commit OLD, create NEW from the image
# with the user set up, start it) and the `rm` that takes the image along, against the engine's own
# `commit OLD IMAGE` + `create --name NEW IMAGE` + `start NEW` of the same box, as a ratio
# (target: at most 1.2). Each round removes what it made.
#   sudo bench/clone.sh                  rootless Podman (the test user)
#   sudo ENGINE=docker bench/clone.sh    rootful Docker (or ENGINE=podman)
. "$(dirname "$0")/lib.sh"
RUNS=${RUNS:-5}
old=bench-clone-old
appbox rm --force "$old" >/dev/null 2>&1 || true
appbox create "$old" >/dev/null
appbox run --root "$old" -- sh -c 'echo cloned > /etc/bench-clone' >/dev/null

engine_clone() {
  as_user "$ENGINE_CLI" commit "$old" localhost/bench-clone:new >/dev/null &&
    as_user "$ENGINE_CLI" create --name bench-clone-new --network host localhost/bench-clone:new \
      sh -c 'sleep infinity' >/dev/null &&
    as_user "$ENGINE_CLI" start bench-clone-new >/dev/null
  local ok=$?
  as_user "$ENGINE_CLI" rm -f bench-clone-new >/dev/null 2>&1
  as_user "$ENGINE_CLI" rmi localhost/bench-clone:new >/dev/null 2>&1
  return $ok
}
appbox_clone() {
  appbox create bench-clone-new --clone "$old" >/dev/null
  local ok=$?
  appbox rm --force bench-clone-new >/dev/null 2>&1
  return $ok
}
# Interleaved, so both see the same load.
base=() ours=()
for _ in $(seq 1 "$RUNS"); do
  t0=$(date +%s%N); engine_clone; t1=$(date +%s%N); appbox_clone; t2=$(date +%s%N)
  base+=($(( t1 - t0 ))); ours+=($(( t2 - t1 )))
done
median() { printf '%s\n' "$@" | sort -n | awk -v n="$RUNS" '{a[NR]=$1} END {m=(n%2)?a[(n+1)/2]:(a[n/2]+a[n/2+1])/2; printf "%.3f\n", m/1e9}'; }
b=$(median "${base[@]}"); o=$(median "${ours[@]}")
echo "engine: $ENGINE ($RUNS interleaved runs, medians; each run removes what it made)"
echo "$ENGINE_CLI commit + create + start + rm + rmi: ${b} s"
echo "appbox create --clone + rm --force:          ${o} s"
echo "ratio:                                       $(ratio "$o" "$b")   (target <= 1.2)"
appbox rm --force "$old" >/dev/null 2>&1 || true
cleanup_bench
