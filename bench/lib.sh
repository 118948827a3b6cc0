# Shared by the benchmarks: the engine and user to measure, and a timer that reports medians.
# Each benchmark measures its baseline in the same run and prints ratios, never bare targets.
set -euo pipefail
repo=$(CDPATH= cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
ENGINE=${ENGINE:-rootless}   # rootless | podman | docker
RUNS=${RUNS:-20}

[ "$(id -u)" = 0 ] || { echo "run as root (it switches to the test user for rootless Podman)" >&2; exit 1; }

env_file=$(mktemp)
trap 'rm -f "$env_file"' EXIT
APPBOX_TEST_ENV_FILE=$env_file "$repo/scripts/test-env.sh" >/dev/null 2>&1
set -a; . "$env_file"; set +a

[ -x "$repo/appbox-cli/target/appbox/bin/appbox" ] || (cd "$repo" && mvn -B -q -ntp -DskipTests package)
dist=$(mktemp -d /tmp/appbox-bench-dist.XXXXXX)
cp -a "$repo/appbox-cli/target/appbox/." "$dist/"
chmod -R a+rX "$dist"
APPBOX=$dist/bin/appbox
bench_home=$(mktemp -d /tmp/appbox-bench-home.XXXXXX)

case "$ENGINE" in
  rootless)
    BENCH_USER=$APPBOX_TEST_USER; ENGINE_FLAG=podman; ENGINE_CLI=podman
    chown "$BENCH_USER:" "$bench_home"
    runtime=$APPBOX_TEST_RUNTIME_DIR ;;
  podman|docker)
    BENCH_USER=root; ENGINE_FLAG=$ENGINE; ENGINE_CLI=$ENGINE
    runtime=$bench_home/.run; mkdir -m 700 "$runtime" ;;
  *) echo "ENGINE is rootless, podman or docker" >&2; exit 2 ;;
esac

# AS_USER: the prefix that runs a command as the benchmark's user with a clean, fixed environment.
envs=(HOME="$bench_home" USER="$BENCH_USER" LOGNAME="$BENCH_USER" LANG=C.UTF-8
  PATH="$bench_home/.local/bin:/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin"
  XDG_RUNTIME_DIR="$runtime" CONTAINERS_CONF="$APPBOX_TEST_CONTAINERS_CONF")
[ "$ENGINE" = rootless ] && envs+=(CONTAINERS_STORAGE_CONF="$APPBOX_TEST_STORAGE_CONF")
if [ "$BENCH_USER" = root ]; then
  AS_USER=(env -i "${envs[@]}")
else
  AS_USER=(runuser -u "$BENCH_USER" -- env -i "${envs[@]}")
fi
as_user() { (cd "$bench_home" && "${AS_USER[@]}" "$@"); }

appbox() { as_user "$APPBOX" --engine "$ENGINE_FLAG" "$@"; }

cleanup_bench() {
  rm -rf "$dist" "$bench_home"
}

# time_runs NAME CMD...: runs CMD $RUNS times (after one warm-up), prints its median in seconds.
time_runs() {
  local name=$1; shift
  "$@" >/dev/null 2>&1 || { echo "$name failed: $*" >&2; "$@"; return 1; }
  local samples=()
  for _ in $(seq 1 "$RUNS"); do
    local t0 t1
    t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N)
    samples+=($(( t1 - t0 )))
  done
  printf '%s\n' "${samples[@]}" | sort -n | awk -v n="$RUNS" '{a[NR]=$1} END {m=(n%2)?a[(n+1)/2]:(a[n/2]+a[n/2+1])/2; printf "%.4f\n", m/1e9}'
}

# peak_kb CMD...: the peak resident memory of CMD run as the user (its largest process).
peak_kb() {
  (cd "$bench_home" && /usr/bin/time -f '%M' "${AS_USER[@]}" "$@" 2>&1 >/dev/null | tail -n1)
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# cpu_runs NAME PROGRAM ARG...: the median CPU time (user + system, of the program and its
# children, run as the user) of $RUNS runs, in seconds. On a shared, loaded machine wall times
# wander with the load; CPU time says what the command itself costs.
cpu_runs() {
  local name=$1; shift
  as_user "$@" >/dev/null 2>&1 || { echo "$name failed: $*" >&2; return 1; }
  local samples=()
  for _ in $(seq 1 "$RUNS"); do
    samples+=($(cd "$bench_home" && /usr/bin/time -f '%U %S' "${AS_USER[@]}" "$@" 2>&1 >/dev/null | tail -n1 | awk '{ printf "%d", ($1 + $2) * 1e9 }'))
  done
  printf '%s\n' "${samples[@]}" | sort -n | awk -v n="$RUNS" '{a[NR]=$1} END {m=(n%2)?a[(n+1)/2]:(a[n/2]+a[n/2+1])/2; printf "%.4f\n", m/1e9}'
}
