#!/usr/bin/env bash
# Issue 4's benchmark: launching an exported command (~/.local/bin/X that runs `true` in the
# box) against the engine's own `exec BOX true`, on the same warm box, as a ratio (target: at
# most 0.5). Also the launcher's slow path, when the box's process is not yet known.
#   sudo bench/launch-vs-exec.sh                  rootless Podman (the test user)
#   sudo ENGINE=docker bench/launch-vs-exec.sh    rootful Docker (or ENGINE=podman)
. "$(dirname "$0")/lib.sh"
box=bench-launch
appbox rm --force "$box" >/dev/null 2>&1 || true
appbox create "$box" >/dev/null 2>&1
appbox export --box "$box" --bin /usr/bin/true --as true-bench >/dev/null
exported=$bench_home/.local/bin/true-bench
as_user "$exported" || { echo "the exported command failed" >&2; exit 1; }

exec_user=$(as_user id -u):$(as_user id -g)
baseline=$(time_runs "$ENGINE_CLI exec" as_user "$ENGINE_CLI" exec --user "$exec_user" "$box" true)
ours=$(time_runs "exported true" as_user "$exported")
cache=$(ls -d "$runtime"/appbox/boxes/*/"$box" 2>/dev/null | head -n1)
slow_launch() { rm -f "$cache"; as_user "$exported"; }
slow=$(RUNS=5 time_runs "exported true, unknown process" slow_launch)

echo "engine: $ENGINE ($RUNS runs each, medians)"
echo "$ENGINE_CLI exec BOX true:           ${baseline} s"
echo "~/.local/bin/true-bench:       ${ours} s"
echo "ratio launch/exec:             $(ratio "$ours" "$baseline")   (target <= 0.5)"
echo "first launch (engine asked):   ${slow} s   ratio $(ratio "$slow" "$baseline")"

appbox rm --force "$box" >/dev/null 2>&1 || true
cleanup_bench
