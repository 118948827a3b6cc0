#!/bin/sh
# appbox launcher for box @BOX_COMMENT@ (@ENGINE_ID@): the box's exported applications and
# commands run through it, without starting a JVM. Written by appbox; removed with the box's
# last export.
box=@BOX@
cache=@CACHE@
cli=@CLI@
fast=@FAST@
userns=@USERNS@
user=@USER@
home=@HOME@
@ENGINE_ENV@
@APPBOX_ENTER@
# Straight into the running box when its process is known.
[ "$fast" = 1 ] && appbox_enter "$cache" 0 "$@"

# Otherwise ask the engine, starting the box when it is stopped.
state=$("$cli" inspect --format '{{.State.Running}} {{.State.Pid}}' "$box" 2>/dev/null) || {
  printf 'appbox: box %s is gone; remove what was exported from it with: appbox doctor --fix\n' "$box" >&2
  exit 125
}
if [ "${state%% *}" != true ]; then
  "$cli" start "$box" >/dev/null || exit 125
  state=$("$cli" inspect --format '{{.State.Running}} {{.State.Pid}}' "$box") || exit 125
fi
pid=${state#* }
if [ "$fast" = 1 ] && mnt=$(readlink "/proc/$pid/ns/mnt" 2>/dev/null); then
  mkdir -p "${cache%/*}" &&
    printf '%s %s %s %s %s\n' "$pid" "$mnt" "$home" "$userns" "$box" > "$cache.$$" &&
    mv -f "$cache.$$" "$cache"
  appbox_enter "$cache" 0 "$@"
fi
case $PWD in "$home" | "$home"/*) wd=$PWD ;; *) wd=$home ;; esac
tty=
[ -t 0 ] && [ -t 1 ] && tty=--tty
exec "$cli" exec --interactive $tty --user "$user" --workdir "$wd" \
  --env HOME="$home" --env APPBOX_BOX="$box" --env container=appbox \
  --env DISPLAY --env WAYLAND_DISPLAY --env XDG_RUNTIME_DIR --env DBUS_SESSION_BUS_ADDRESS \
  --env XAUTHORITY --env PULSE_SERVER --env LANG --env LC_ALL --env TERM \
  "$box" "$@"
