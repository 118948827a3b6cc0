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
format='{{.State.Running}} {{.State.Pid}} {{.Id}}'
state=$("$cli" inspect --format "$format" "$box" 2>/dev/null) || {
  printf 'appbox: box %s is gone; remove what was exported from it with: appbox doctor --fix\n' "$box" >&2
  exit 125
}
if [ "${state%% *}" != true ]; then
  "$cli" start "$box" >/dev/null || exit 125
  state=$("$cli" inspect --format "$format" "$box") || exit 125
fi
state=${state#* }
pid=${state%% *} id=${state#* }
if [ "$fast" = 1 ] && appbox_remember "$cache" "$pid" "$home" "$userns" "$box" "$id"; then
  appbox_enter "$cache" 0 "$@"
fi
# The engine's exec: the session's variables by name, their values in its environment, never on
# its command line, by the same rule as the fast path (appbox_session_env).
case $PWD in "$home" | "$home"/*) wd=$PWD ;; *) wd=$home ;; esac
tty=
[ -t 0 ] && [ -t 1 ] && tty=--tty
appbox_split_env
set -- "$box" "$@"
while IFS= read -r name; do
  [ -z "$name" ] || set -- --env "$name" "$@"
done <<NAMES
$_ab_keep
NAMES
exec "$cli" exec --interactive $tty --user "$user" --workdir "$wd" \
  --env HOME="$home" --env PATH="$_ab_box_path" --env APPBOX_BOX="$box" --env container=appbox \
  "$@"
