#!/usr/bin/env bash
# Issue 2's benchmark: `appbox run BOX -- true` against the engine's own `exec BOX true` on the
# same warm box, as a ratio (target: at most 1.3); appbox's peak memory; and `appbox create` of
# a local image plus the first `run` (target: under 5 s).
#   sudo bench/run-vs-exec.sh                  rootless Podman (the test user)
#   sudo ENGINE=docker bench/run-vs-exec.sh    rootful Docker (or ENGINE=podman)
. "$(dirname "$0")/lib.sh"
box=bench-run
appbox rm --force "$box" >/dev/null 2>&1 || true

t0=$(date +%s%N)
appbox create "$box" >/dev/null 2>&1
t1=$(date +%s%N)
appbox run "$box" -- true
t2=$(date +%s%N)

exec_user=$(as_user id -u):$(as_user id -g)
baseline=$(time_runs "$ENGINE_CLI exec" as_user "$ENGINE_CLI" exec --user "$exec_user" "$box" true)
ours=$(time_runs "appbox run" appbox run "$box" -- true)
mem=$(peak_kb "$APPBOX" --engine "$ENGINE_FLAG" run "$box" -- true)
# The same command when appbox does not know the box's process yet: the JVM asks the engine.
cache=$(ls -d "$runtime"/appbox/boxes/*/"$box" | head -n1)
jvm_run() { rm -f "$cache"; appbox run "$box" -- true; }
jvm=$(RUNS=$(( (RUNS + 1) / 2 )) time_runs "appbox run, process unknown" jvm_run)
jvm_mem=$(rm -f "$cache"; peak_kb "$APPBOX" --engine "$ENGINE_FLAG" run "$box" -- true)

echo "engine: $ENGINE ($RUNS runs each, medians)"
echo "$ENGINE_CLI exec BOX true:     ${baseline} s"
echo "appbox run BOX -- true:  ${ours} s"
echo "ratio run/exec:          $(ratio "$ours" "$baseline")   (target <= 1.3)"
echo "appbox run peak RSS:     ${mem} KB"
echo "appbox run, box process not yet known (JVM asks the engine): ${jvm} s, ratio $(ratio "$jvm" "$baseline"), peak RSS ${jvm_mem} KB"
echo "create + first run:      $(awk -v a="$t0" -v b="$t2" 'BEGIN { printf "%.2f", (b - a) / 1e9 }') s (create $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", (b - a) / 1e9 }') s; target < 5 s)"

appbox rm --force "$box" >/dev/null 2>&1 || true
cleanup_bench
