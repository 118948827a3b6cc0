#!/usr/bin/env bash
# Issue 5's benchmark: `appbox list` against the engine's own `ps -a` with 20 boxes, as a ratio
# of medians (target: at most 1.5).
#   sudo bench/list-vs-ps.sh                  rootless Podman (the test user)
#   sudo ENGINE=docker bench/list-vs-ps.sh
. "$(dirname "$0")/lib.sh"
BOXES=${BOXES:-20}
for i in $(seq 1 "$BOXES"); do
  appbox rm --force "bench-list-$i" >/dev/null 2>&1 || true
  appbox create "bench-list-$i" >/dev/null 2>&1 || { echo "create bench-list-$i failed" >&2; exit 1; }
done
count=$(appbox list | grep -c '^bench-list-')
[ "$count" = "$BOXES" ] || { echo "expected $BOXES boxes, list shows $count" >&2; exit 1; }
baseline=$(time_runs "$ENGINE_CLI ps -a" as_user "$ENGINE_CLI" ps -a)
ours=$(time_runs "appbox list" appbox list)
json=$(time_runs "appbox list --json" appbox list --json)
mem=$(peak_kb "$APPBOX" --engine "$ENGINE_FLAG" list)
echo "engine: $ENGINE, $BOXES boxes ($RUNS runs each, medians)"
echo "$ENGINE_CLI ps -a:        ${baseline} s"
echo "appbox list:         ${ours} s   ratio $(ratio "$ours" "$baseline")   (target <= 1.5)"
echo "appbox list --json:  ${json} s   ratio $(ratio "$json" "$baseline")"
echo "appbox list peak RSS: ${mem} KB"
for i in $(seq 1 "$BOXES"); do appbox rm --force "bench-list-$i" >/dev/null 2>&1 || true; done
cleanup_bench
