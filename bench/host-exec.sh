#!/usr/bin/env bash
# Issue 13's benchmark: `host-exec true` from inside a box against `flatpak-spawn --host true`
# from the same box (Debian's flatpak-xdg-utils installed in it), both through Flatpak's real
# session helper on a session bus of the user's, timed inside the box so that only the two
# programs differ: a ratio (target: at most 1.5). Where flatpak-spawn cannot be installed in the
# box, host-exec's own time against the absolute line (target: at most 0.3 s).
#   sudo bench/host-exec.sh                  rootless Podman (the test user)
#   sudo ENGINE=docker bench/host-exec.sh    rootful Docker (or ENGINE=podman)
. "$(dirname "$0")/lib.sh"
box=bench-host-exec
appbox rm --force "$box" >/dev/null 2>&1 || true
appbox create "$box" >/dev/null 2>&1

# The session bus, in the runtime directory the box shares, as a desktop session's is.
bus=$runtime/bench-bus-$$
conf=$bench_home/bench-bus.conf
cat > "$conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=$bus</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
CONF
chmod a+r "$conf"
# In a process group of its own, which stop_session ends whole.
setsid "${AS_USER[@]}" dbus-run-session --config-file="$conf" -- \
  /usr/libexec/flatpak-session-helper >/dev/null 2>&1 &
session=$!
stop_session() { kill -TERM -- "-$session" 2>/dev/null || true; }
trap 'stop_session; rm -f "$env_file"; rm -rf "$dist" "$bench_home"' EXIT
for _ in $(seq 1 200); do
  as_user dbus-send --bus="unix:path=$bus" --print-reply --dest=org.freedesktop.DBus \
    /org/freedesktop/DBus org.freedesktop.DBus.NameHasOwner string:org.freedesktop.Flatpak \
    2>/dev/null | grep -q 'boolean true' && break
  sleep 0.1
done

in_box() {
  (cd "$bench_home" && "${AS_USER[@]}" DBUS_SESSION_BUS_ADDRESS="unix:path=$bus" \
    "$APPBOX" --engine "$ENGINE_FLAG" run "$box" -- "$@")
}

# median N CMD...: N runs (after one warm-up) timed in the box, the median in seconds.
median='n=$1; shift; "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
for i in $(seq 1 "$n"); do
  t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N); echo $((t1 - t0))
done | sort -n | awk -v n="$n" '"'"'{a[NR]=$1} END {m=(n%2)?a[(n+1)/2]:(a[n/2]+a[n/2+1])/2; printf "%.4f\n", m/1e9}'"'"

ours=$(in_box sh -c "$median" median "$RUNS" host-exec true)
echo "engine: $ENGINE ($RUNS runs each, medians, timed in the box)"
echo "host-exec true:                ${ours} s"
if appbox install --box "$box" --no-export flatpak-xdg-utils >/dev/null 2>&1; then
  # Debian keeps it out of PATH, beside its own xdg-open.
  baseline=$(in_box sh -c "$median" median "$RUNS" /usr/libexec/flatpak-xdg-utils/flatpak-spawn --host true)
  echo "flatpak-spawn --host true:     ${baseline} s"
  echo "ratio host-exec/flatpak-spawn: $(ratio "$ours" "$baseline")   (target <= 1.5)"
else
  echo "flatpak-spawn: flatpak-xdg-utils could not be installed in the box (no mirror?)"
  echo "host-exec true against the absolute line: ${ours} s   (target <= 0.3 s)"
fi

stop_session
appbox rm --force "$box" >/dev/null 2>&1 || true
cleanup_bench
