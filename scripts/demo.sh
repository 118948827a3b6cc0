#!/usr/bin/env bash
# appbox's main job, end to end, on a fresh Debian 12 machine (as root or with sudo):
# prepares the machine, builds and installs appbox, and then, as a normal user with rootless
# Podman: makes the Debian image from the mirror (no registry is reachable here), creates a box,
# installs a real package from Debian's mirror, which exports its desktop entry and icon, exports
# its command, and runs the export, which needs no JVM.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" != 0 ]; then
  exec sudo --preserve-env=PATH,JAVA_HOME "$0" "$@"
fi
repo=$(pwd -P)
user=${APPBOX_DEMO_USER:-appboxdemo}

env_file=$(mktemp)
trap 'rm -f "$env_file"' EXIT
APPBOX_TEST_USER=$user APPBOX_TEST_SKIP_USER_IMAGE=1 APPBOX_TEST_ENV_FILE=$env_file ./scripts/test-env.sh
set -a
. "$env_file"
set +a

echo "== building appbox"
mvn -B -ntp -q -DskipTests package

# Install appbox for the demo user the way a user would: under their home, never /usr.
home=$(getent passwd "$user" | cut -d: -f6)
dist=$(mktemp -d /tmp/appbox-demo-dist.XXXXXX)
cp -a appbox-cli/target/appbox/. "$dist/"
cp scripts/install.sh "$dist/install.sh"
chmod -R a+rX "$dist"

as_user() {
  runuser -u "$user" -- env -i HOME="$home" USER="$user" LOGNAME="$user" LANG=C.UTF-8 \
    PATH="$home/.local/bin:/usr/local/bin:/usr/bin:/bin" XDG_RUNTIME_DIR="$APPBOX_TEST_RUNTIME_DIR" \
    CONTAINERS_CONF="$APPBOX_TEST_CONTAINERS_CONF" CONTAINERS_STORAGE_CONF="$APPBOX_TEST_STORAGE_CONF" \
    TERM="${TERM:-dumb}" "$@"
}
step() { printf '\n== %s\n' "$*"; }

step "installing appbox into ~$user/.local"
as_user sh -c 'cd "$1" && ./install.sh' sh "$dist"
rm -rf "$dist"

step "appbox --version"
as_user appbox --version

if ! as_user podman image exists "$APPBOX_TEST_DEBIAN_IMAGE"; then
  step "appbox image build debian   (no registry here: bootstrapped from deb.debian.org)"
  as_user appbox image build debian
fi

as_user appbox --engine podman rm --force demo >/dev/null 2>&1 || true
step "appbox create demo"
as_user appbox --engine podman create demo

step "appbox run demo -- sh -c 'id; head -2 /etc/os-release'"
as_user appbox --engine podman run demo -- sh -c 'id; head -2 /etc/os-release'

step "appbox install --box demo htop   (apt in the box; exports htop's desktop entry and icon)"
as_user appbox --engine podman install --box demo htop

step "the exported desktop entry, checked by desktop-file-validate"
entry="$home/.local/share/applications/appbox-demo-htop.desktop"
grep -E '^(Name|Exec|Icon|X-Appbox-Box)=' "$entry"
as_user desktop-file-validate "$entry" && echo "valid: $entry"

step "appbox export --box demo --bin /usr/bin/htop   (a command in ~/.local/bin)"
as_user appbox --engine podman export --box demo --bin /usr/bin/htop

step "~/.local/bin/htop --version   (runs in the box, no JVM)"
as_user "$home/.local/bin/htop" --version

step "appbox list; appbox exports"
as_user appbox --engine podman list
as_user appbox --engine podman exports
echo
echo "done: user $user has a Debian box named demo with htop exported (try: sudo -u $user -i appbox enter demo)"
