#!/usr/bin/env bash
# Issue 13's throwaway-box benchmark: `appbox run --ephemeral -- true` (make a box, set up the
# user, run, remove) against the engine's own `run --rm IMAGE true` with the host integration an
# appbox box has (host network, PIDs and IPC, the home and the host's root shared, the same user on
# rootless Podman), as a ratio (target: at most 1.5).
#   sudo bench/ephemeral.sh                  rootless Podman (the test user)
#   sudo ENGINE=docker bench/ephemeral.sh    rootful Docker (or ENGINE=podman)
. "$(dirname "$0")/lib.sh"
RUNS=${RUNS:-7}
image=docker.io/library/debian:bookworm
flags=(--rm --network host --pid host --security-opt label=disable
  -v "$bench_home:$bench_home" -v "/:/run/host:ro" -v "$runtime:$runtime")
[ -d /dev/mqueue ] && flags+=(--ipc host)
[ "$ENGINE" = rootless ] && flags+=(--userns keep-id)

baseline=$(time_runs "$ENGINE_CLI run --rm" as_user "$ENGINE_CLI" run "${flags[@]}" "$image" true)
ours=$(time_runs "appbox run --ephemeral" appbox run --ephemeral -- true)

echo "engine: $ENGINE ($RUNS runs each, medians)"
echo "$ENGINE_CLI run --rm IMAGE true (same sharing): ${baseline} s"
echo "appbox run --ephemeral -- true:                ${ours} s"
echo "ratio:                                          $(ratio "$ours" "$baseline")   (target <= 1.5)"
left=$(as_user "$ENGINE_CLI" ps -a --format '{{.Names}}' | grep -c '^ephemeral-' || true)
echo "throwaway boxes left: $left"
cleanup_bench
