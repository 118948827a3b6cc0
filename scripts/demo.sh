#!/usr/bin/env bash
# appbox's main job, end to end, on a fresh Debian 12 machine (as root or with sudo): prepares the
# machine and builds the release archive, then, as a normal user with rootless Podman on a host
# with no Java (the JDKs hidden, as on Silverblue): checks and unpacks the archive, installs it
# into the user's home, makes the Debian image from the mirror (no registry is reachable here),
# creates a box, installs a real package from Debian's mirror, which exports its desktop entry and
# icon, exports its command, and runs the export, which needs no JVM.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" != 0 ]; then
  exec sudo --preserve-env=PATH,JAVA_HOME "$0" "$@"
fi
user=${APPBOX_DEMO_USER:-appboxdemo}

env_file=$(mktemp)
trap 'rm -f "$env_file"' EXIT
APPBOX_TEST_USER=$user APPBOX_TEST_SKIP_USER_IMAGE=1 APPBOX_TEST_ENV_FILE=$env_file ./scripts/test-env.sh
set -a
. "$env_file"
set +a

echo "== building appbox and its release archive"
mvn -B -ntp -q -DskipTests package
archive=$(ls appbox-cli/target/appbox-*-linux-x86_64.tar.gz)

# The user downloads the archive and its checksum.
home=$(getent passwd "$user" | cut -d: -f6)
download=$(mktemp -d /tmp/appbox-demo-download.XXXXXX)
cp "$archive" "$archive.sha256" "$download/"
chmod -R a+rX "$download"
trap 'rm -f "$env_file"; rm -rf "$download"' EXIT

# As the user, in a mount namespace where the host's JDKs are hidden: java on PATH leads nowhere,
# and no JAVA_HOME is set. appbox runs the Java runtime its archive carries.
as_user() {
  unshare --mount --propagation private sh -c 'mount -t tmpfs -o ro,size=4k appbox-no-java /usr/lib/jvm; exec "$@"' no-java \
    runuser -u "$user" -- env -i HOME="$home" USER="$user" LOGNAME="$user" LANG=C.UTF-8 \
    PATH="$home/.local/bin:/usr/local/bin:/usr/bin:/bin" XDG_RUNTIME_DIR="$APPBOX_TEST_RUNTIME_DIR" \
    CONTAINERS_CONF="$APPBOX_TEST_CONTAINERS_CONF" CONTAINERS_STORAGE_CONF="$APPBOX_TEST_STORAGE_CONF" \
    TERM="${TERM:-dumb}" "$@"
}
step() { printf '\n== %s\n' "$*"; }

step "no Java on this host"
as_user sh -c 'java -version' 2>&1 && { echo "java runs here: the demo cannot show a host without Java" >&2; exit 1; }

step "the release: checked, unpacked, installed into ~$user/.local"
name=$(basename "$archive" .tar.gz)
as_user sh -c 'set -e; mkdir -p "$HOME/Downloads"; cd "$HOME/Downloads"; cp "$1/$2.tar.gz" "$1/$2.tar.gz.sha256" .
  sha256sum -c "$2.tar.gz.sha256"; rm -rf "$2"; tar -xzf "$2.tar.gz"; "./$2/install.sh"' sh "$download" "$name"

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
entry=$(grep -l -x 'X-Appbox-Box=demo' "$home"/.local/share/applications/*.desktop | head -n1)
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
