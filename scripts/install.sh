#!/bin/sh
# appbox's installer: for the user who runs it, without root and without a Java on the host (the
# release carries its own runtime). Nothing goes outside $HOME.
#
#   ./install.sh                  install this release and switch to it
#   ./install.sh --rollback       switch back to the version installed before
#   ./install.sh --uninstall      remove the program; exported apps and commands keep working
#   ./install.sh --uninstall --purge
#                                 also remove every export (through appbox's own unexport), the
#                                 automatic upgrades, and appbox's data, state, cache and config
#
# Where things go (XDG_DATA_HOME defaults to ~/.local/share):
#   $XDG_DATA_HOME/appbox/versions/VERSION/   each installed version, whole (bin, lib, runtime, ...)
#   $XDG_DATA_HOME/appbox/current             a link to the version in use, switched atomically
#   $XDG_DATA_HOME/appbox/previous            a link to the one before, kept for --rollback
#   ~/.local/bin/appbox                       the command; runs .../appbox/current/bin/appbox
#   $XDG_DATA_HOME/man/man1/appbox*.1, bash-completion/, zsh/site-functions/, fish/
#                                             links into current/share, listed in appbox/installed
# appbox's own data ($XDG_DATA_HOME/appbox/launchers, the export records) is never touched by an
# install or a rollback: exports keep working across versions. A new version that does not start
# (its `appbox --version --json` fails) is not switched to. This script removes only what it placed.
#
# Run it from an unpacked release, or from a checkout after `mvn package`.
set -eu

say() { printf '%s\n' "$*"; }
fail() { printf 'install.sh: %s\n' "$*" >&2; exit 1; }

action=install purge=0
for arg in "$@"; do
  case $arg in
    --rollback) action=rollback ;;
    --uninstall) action=uninstall ;;
    --purge) purge=1 ;;
    -h | --help) sed -n '2,/^$/s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) fail "unknown option: $arg (see: $0 --help)" ;;
  esac
done
[ "$purge" = 0 ] || [ "$action" = uninstall ] || fail "--purge goes with --uninstall"
[ -n "${HOME:-}" ] && [ -d "$HOME" ] || fail "HOME is not a directory"

data=${XDG_DATA_HOME:-$HOME/.local/share}
case $data in /*) ;; *) data=$HOME/.local/share ;; esac
top=$data/appbox
versions=$top/versions
bin=$HOME/.local/bin
ledger=$top/installed
umask 022

# A link made beside its place and renamed over it: readers see the old link or the new, never none.
switch_link() { # TARGET LINK
  ln -s "$1" "$2.new.$$"
  mv -Tf "$2.new.$$" "$2" || { rm -f "$2.new.$$"; return 1; }
}

# The version a program directory runs, or nothing when it does not start. No JAVA_HOME reaches it:
# the release must not need one.
# `--version --json` starts the bundled runtime (plain `--version` is answered by the launcher).
version_of() { # DIR
  _v=$(env -u JAVA_HOME -u JDK_JAVA_OPTIONS -u JAVA_TOOL_OPTIONS "$1/bin/appbox" --version --json 2>/dev/null) || return 1
  _v=$(printf '%s\n' "$_v" | sed -n 's/.*"version":"\([^"]*\)".*/\1/p')
  [ -n "$_v" ] && printf '%s\n' "$_v"
}

# The files this installer links outside versions/, as paths under $data and under current/share.
shared_files() { # DIR: prints REL for each file the version at DIR carries
  (cd "$1/share" 2>/dev/null && for f in man/man1/appbox*.1 bash-completion/completions/appbox \
    zsh/site-functions/_appbox fish/vendor_completions.d/appbox.fish; do
    [ -f "$f" ] && printf '%s\n' "$f"
  done) || true
}

is_our_link() { # PATH: a link into appbox's current/share
  [ -L "$1" ] && case $(readlink "$1") in "$top/current/share/"*) true ;; *) false ;; esac
}

is_our_wrapper() { # PATH: the command this installer (or the one before it) wrote
  [ -f "$1" ] && [ ! -L "$1" ] && {
    grep -q "^# appbox's command, written by its installer" "$1" ||
      grep -q '^exec ".*/appbox/bin/appbox" "\$@"$' "$1"
  }
}

quote() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }

write_wrapper() {
  mkdir -p "$bin"
  if [ -e "$bin/appbox" ] || [ -L "$bin/appbox" ]; then
    is_our_wrapper "$bin/appbox" ||
      fail "$bin/appbox exists and is not appbox's: move it away and run this again"
  fi
  {
    say "#!/bin/sh"
    say "# appbox's command, written by its installer: runs the version in use."
    say "exec $(quote "$top/current/bin/appbox") \"\$@\""
  } > "$bin/.appbox.new.$$"
  chmod 755 "$bin/.appbox.new.$$"
  mv -f "$bin/.appbox.new.$$" "$bin/appbox"
}

# Links the version's man pages and completion scripts where man and the shells look for a user's
# own, and removes the links of files the version no longer has. The ledger lists them.
link_shared_files() {
  : > "$ledger.new.$$"
  for rel in $(shared_files "$top/current"); do
    place=$data/$rel
    if [ -e "$place" ] || [ -L "$place" ]; then
      if ! is_our_link "$place"; then
        case $rel in
          # The installer before this one copied its man pages here.
          man/man1/appbox*.1) [ -f "$place" ] && grep -q 'appbox' "$place" || { say "note: $place is not appbox's; left as it is"; continue; } ;;
          *) say "note: $place is not appbox's; left as it is"; continue ;;
        esac
      fi
    fi
    mkdir -p "${place%/*}"
    switch_link "$top/current/share/$rel" "$place"
    printf '%s\n' "$rel" >> "$ledger.new.$$"
  done
  if [ -f "$ledger" ]; then
    while IFS= read -r rel; do
      grep -qxF "$rel" "$ledger.new.$$" && continue
      is_our_link "$data/$rel" && rm -f "$data/$rel"
    done < "$ledger"
  fi
  mv -f "$ledger.new.$$" "$ledger"
}

current_name() { readlink "$top/current" 2>/dev/null | sed 's|^versions/||'; }
previous_name() { readlink "$top/previous" 2>/dev/null | sed 's|^versions/||'; }

# Versions other than the current and the previous one go.
prune_versions() {
  cur=$(current_name) prev=$(previous_name)
  for d in "$versions"/*; do
    [ -d "$d" ] || continue
    n=${d##*/}
    [ "$n" = "$cur" ] || [ "$n" = "$prev" ] || rm -rf "$d"
  done
}

# The program of the installer before this one lived in appbox's data directory itself.
remove_old_layout() {
  if [ -x "$top/bin/appbox" ] && [ -f "$top/lib/appbox-cli.jar" ] && [ ! -L "$top/bin" ]; then
    rm -rf "$top/bin" "$top/lib" "$top/libexec" "$top/share"
  fi
}

path_note() {
  case ":$PATH:" in
    *":$bin:"*) ;;
    *) say "note: add $bin to your PATH" ;;
  esac
}

install_release() {
  here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd -P)
  if [ -x "$here/bin/appbox" ] && [ -d "$here/runtime" ]; then
    dist=$here
  elif [ -x "$here/../appbox-cli/target/appbox/bin/appbox" ]; then
    dist=$(CDPATH= cd -- "$here/../appbox-cli/target/appbox" && pwd -P)
  else
    fail "no appbox release here; unpack the release archive and run its install.sh (or: mvn package)"
  fi
  [ -d "$dist/runtime" ] || fail "$dist has no Java runtime: build it with mvn package"
  mkdir -p "$versions"
  stage=$(mktemp -d "$versions/.install.XXXXXX")
  trap 'rm -rf "$stage"' EXIT INT TERM
  # -p keeps the files' times, which the start-up cache checks the jars by.
  cp -pR "$dist/." "$stage/"
  chmod 755 "$stage"
  version=$(version_of "$stage") || fail "this release does not start here ($stage/bin/appbox --version failed); nothing changed"
  case $version in *[!A-Za-z0-9._+-]* | .*) fail "this release calls itself '$version', not a version; nothing changed" ;; esac
  name=$version n=1
  while [ -e "$versions/$name" ]; do n=$((n + 1)) name=$version+$n; done
  mv "$stage" "$versions/$name"
  trap - EXIT INT TERM
  checked=$(version_of "$versions/$name") || checked=
  if [ "$checked" != "$version" ]; then
    rm -rf "${versions:?}/$name"
    fail "appbox $version does not start from $versions/$name; the version in use is unchanged"
  fi
  old=$(current_name)
  switch_link "versions/$name" "$top/current"
  if [ -n "$old" ] && [ "$old" != "$name" ] && [ -d "$versions/$old" ]; then
    switch_link "versions/$old" "$top/previous"
  fi
  write_wrapper
  link_shared_files
  remove_old_layout
  prune_versions
  if [ -n "$old" ] && [ "$old" != "$name" ]; then
    say "appbox $version installed: $bin/appbox (the version before, $old, is kept: $top/current/install.sh --rollback)"
  else
    say "appbox $version installed: $bin/appbox"
  fi
  path_note
}

rollback() {
  prev=$(previous_name) cur=$(current_name)
  [ -n "$prev" ] && [ -d "$versions/$prev" ] || fail "no earlier version is kept to go back to"
  version=$(version_of "$versions/$prev") || fail "the kept version ($versions/$prev) does not start; the version in use is unchanged"
  switch_link "versions/$prev" "$top/current"
  [ -n "$cur" ] && switch_link "versions/$cur" "$top/previous"
  write_wrapper
  link_shared_files
  say "appbox $version is in use again (${cur:-nothing} is kept: run --rollback again to return to it)"
}

uninstall() {
  if [ "$purge" = 1 ] && [ -x "$top/current/bin/appbox" ]; then
    # appbox removes its exports itself: exactly the files each one wrote.
    "$top/current/bin/appbox" unexport --all ||
      fail "appbox could not remove its exports; nothing else was removed"
    conf=${XDG_CONFIG_HOME:-$HOME/.config}
    if [ -e "$conf/systemd/user/appbox-auto-update.timer" ]; then
      "$top/current/bin/appbox" auto-update disable || true
    fi
  fi
  if [ -f "$ledger" ]; then
    while IFS= read -r rel; do
      is_our_link "$data/$rel" && rm -f "$data/$rel"
    done < "$ledger"
  fi
  is_our_wrapper "$bin/appbox" && rm -f "$bin/appbox"
  rm -rf "$versions" "$top/current" "$top/previous" "$ledger"
  remove_old_layout
  if [ "$purge" = 1 ]; then
    rm -rf "$top" "${XDG_STATE_HOME:-$HOME/.local/state}/appbox" "${XDG_CACHE_HOME:-$HOME/.cache}/appbox" \
      "${XDG_CONFIG_HOME:-$HOME/.config}/appbox"
    [ -n "${XDG_RUNTIME_DIR:-}" ] && rm -rf "$XDG_RUNTIME_DIR/appbox"
    say "appbox, its exports and its data are removed. Boxes are containers and are kept: podman ps -a --filter label=io.appbox.manager=appbox"
  else
    rmdir "$top" 2>/dev/null || true
    say "appbox is removed. Exported apps and commands still work; remove them too with: install.sh --uninstall --purge"
  fi
}

case $action in
  install) install_release ;;
  rollback) rollback ;;
  uninstall) uninstall ;;
esac
