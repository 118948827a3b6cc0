#!/usr/bin/env bash
# Makes this machine ready for appbox's end-to-end tests, idempotently, as root:
#   - installs the engines and tools (Podman, Docker's dockerd, mmdebstrap, desktop-file-utils, ...)
#   - creates a normal test user with subordinate ids, for rootless Podman
#   - starts dockerd and the rootful Podman API service
#   - builds the Debian base image from the mirror once and loads it into each engine
#   - builds the distribution test images and package repositories (scripts/test-env/) once and
#     loads the images into the test user's rootless Podman
# Engine settings this test machine needs (runc, lower rlimits; see docs/testing.md) go into a
# containers.conf that only the tests use, through CONTAINERS_CONF, never into /etc.
# Prints the environment the tests need, as KEY=VALUE lines, on the last lines of its output
# into $APPBOX_TEST_ENV_FILE when that is set.
set -euo pipefail

STATE=/var/lib/appbox-test
CACHE=/var/cache/appbox-test
TEST_USER=${APPBOX_TEST_USER:-appboxtest}
DEBIAN_IMAGE=docker.io/library/debian:bookworm
# The distribution test images name their repositories http://127.0.0.1:REPO_PORT/ID/.
REPO_PORT=47391
DISTROS=(debian fedora almalinux opensuse arch)
CONF=$STATE/containers.conf

log() { printf 'test-env: %s\n' "$*" >&2; }

[ "$(id -u)" = 0 ] || { echo "test-env: run as root (sudo $0)" >&2; exit 1; }

packages=(podman runc conmon uidmap slirp4netns fuse-overlayfs catatonit docker.io mmdebstrap
  desktop-file-utils libglib2.0-bin python3-gi dex tmux curl util-linux procps hyperfine
  bash bash-completion zsh fish man-db groff-base
  python3 openjdk-17-jdk-headless maven apache2-utils
  rpm createrepo-c makepkg pacman-package-manager libarchive-tools fakeroot zstd dpkg-dev
  docker-registry
  flatpak flatpak-xdg-utils dbus dbus-daemon dbus-bin gcc libc6-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f '${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

mkdir -p "$STATE" "$CACHE"
# Rootful Podman here lacks CAP_SYS_RESOURCE and runs hybrid cgroups: runc, and rlimits it may set.
# No session keyring per container: the kernel allows a user 200 keys, and the containers of a
# test run (their root is one subordinate uid) exhaust them ("disk quota exceeded" at start).
cat > "$CONF.tmp" <<'CONF'
[containers]
default_ulimits = ["nofile=16384:16384", "nproc=16384:16384"]
keyring = false
[engine]
runtime = "runc"
CONF
mv "$CONF.tmp" "$CONF"
chmod 644 "$CONF"

# Rootless Podman warns, and bind propagation fails, while / is a private mount.
mount --make-rshared / 2>/dev/null || true

if ! id "$TEST_USER" >/dev/null 2>&1; then
  log "creating test user $TEST_USER"
  useradd -m -s /bin/bash "$TEST_USER"
fi
TEST_UID=$(id -u "$TEST_USER")
# useradd adds subordinate ids; where it did not, give this user a range of its own.
sub_start=$((200000 + (TEST_UID % 1000) * 65536))
grep -q "^$TEST_USER:" /etc/subuid || usermod --add-subuids "$sub_start-$((sub_start + 65535))" "$TEST_USER"
grep -q "^$TEST_USER:" /etc/subgid || usermod --add-subgids "$sub_start-$((sub_start + 65535))" "$TEST_USER"
TEST_HOME=$(getent passwd "$TEST_USER" | cut -d: -f6)
RUNTIME_DIR=/run/user/$TEST_UID
install -d -m 700 -o "$TEST_USER" -g "$TEST_USER" "$RUNTIME_DIR"

# dockerd: nothing starts it on this machine.
if ! curl -sf --unix-socket /var/run/docker.sock http://d/_ping >/dev/null 2>&1; then
  log "starting dockerd"
  nohup dockerd >/var/log/appbox-test-dockerd.log 2>&1 &
  for _ in $(seq 1 100); do
    curl -sf --unix-socket /var/run/docker.sock http://d/_ping >/dev/null 2>&1 && break
    sleep 0.2
  done
  curl -sf --unix-socket /var/run/docker.sock http://d/_ping >/dev/null || { log "dockerd did not start"; tail -20 /var/log/appbox-test-dockerd.log >&2; exit 1; }
fi

# The rootful Podman API service, with the test settings.
if ! curl -sf --unix-socket /run/podman/podman.sock http://d/_ping >/dev/null 2>&1; then
  log "starting the rootful Podman API service"
  mkdir -p /run/podman
  rm -f /run/podman/podman.sock
  CONTAINERS_CONF=$CONF nohup podman system service --time=0 unix:///run/podman/podman.sock \
    >/var/log/appbox-test-podman.log 2>&1 &
  for _ in $(seq 1 100); do
    curl -sf --unix-socket /run/podman/podman.sock http://d/_ping >/dev/null 2>&1 && break
    sleep 0.2
  done
  curl -sf --unix-socket /run/podman/podman.sock http://d/_ping >/dev/null || { log "podman service did not start"; exit 1; }
fi

# Each test gets its own HOME, but rootless Podman keeps its images under HOME: pin the test
# user's storage so every test sees the same images.
STORAGE_CONF=$STATE/storage-$TEST_USER.conf
cat > "$STORAGE_CONF.tmp" <<STORAGE
[storage]
driver = "vfs"
graphroot = "$TEST_HOME/.local/share/containers/storage"
rootless_storage_path = "$TEST_HOME/.local/share/containers/storage"
runroot = "$RUNTIME_DIR/containers"
STORAGE
mv "$STORAGE_CONF.tmp" "$STORAGE_CONF"
chmod 644 "$STORAGE_CONF"

as_user() {
  runuser -u "$TEST_USER" -- env -i HOME="$TEST_HOME" USER="$TEST_USER" LOGNAME="$TEST_USER" \
    PATH=/usr/local/bin:/usr/bin:/bin XDG_RUNTIME_DIR="$RUNTIME_DIR" CONTAINERS_CONF="$CONF" \
    CONTAINERS_STORAGE_CONF="$STORAGE_CONF" "$@"
}

# The test user's rootless Podman API service, with the user's own HOME: a service that appbox
# starts itself (tested on its own) would keep the environment of the test that started it,
# whose temporary HOME is gone when the test ends.
rootless_ping() { runuser -u "$TEST_USER" -- curl -sf --unix-socket "$RUNTIME_DIR/podman/podman.sock" http://d/_ping >/dev/null 2>&1; }
start_rootless_service() {
  pkill -u "$TEST_USER" -f "podman system service" 2>/dev/null || true
  rm -f "$RUNTIME_DIR/podman/podman.sock"
  # Podman 4.3 does not make the socket's directory; on a new user it would fail to bind.
  install -d -m 700 -o "$TEST_USER" -g "$TEST_USER" "$RUNTIME_DIR/podman"
  : > /var/log/appbox-test-podman-rootless.log
  chown "$TEST_USER" /var/log/appbox-test-podman-rootless.log
  as_user sh -c 'nohup podman system service --time=0 "unix://$XDG_RUNTIME_DIR/podman/podman.sock" >>/var/log/appbox-test-podman-rootless.log 2>&1 &'
  for _ in $(seq 1 100); do
    rootless_ping && return 0
    sleep 0.2
  done
  return 1
}
if ! rootless_ping; then
  log "starting $TEST_USER's rootless Podman API service"
  if ! start_rootless_service; then
    # A runtime directory that outlived its processes (a machine restored from a snapshot) names a
    # pause process that is gone: Podman then refuses to start until the pause process is reset.
    log "resetting $TEST_USER's rootless Podman state (podman system migrate) and retrying"
    tail -5 /var/log/appbox-test-podman-rootless.log >&2 || true
    pkill -u "$TEST_USER" 2>/dev/null || true
    sleep 0.5
    rm -rf "$RUNTIME_DIR/libpod" "$RUNTIME_DIR/containers" "$RUNTIME_DIR/podman"
    as_user podman system migrate >/dev/null 2>&1 || true
    start_rootless_service ||
      { log "the rootless podman service did not start"; tail -20 /var/log/appbox-test-podman-rootless.log >&2; exit 1; }
  fi
fi

# The Debian base image, made once from the mirror (no registry is reachable here).
TARBALL=$CACHE/debian-bookworm.tar
if [ ! -s "$TARBALL" ]; then
  log "bootstrapping Debian bookworm from the mirror (once)"
  mmdebstrap --quiet --variant=apt --include=sudo,ca-certificates --format=tar bookworm \
    "$TARBALL.tmp" http://deb.debian.org/debian
  mv "$TARBALL.tmp" "$TARBALL"
fi
chmod 644 "$TARBALL"
if ! CONTAINERS_CONF=$CONF podman image exists "$DEBIAN_IMAGE"; then
  log "loading $DEBIAN_IMAGE into rootful Podman"
  CONTAINERS_CONF=$CONF podman import -q "$TARBALL" "$DEBIAN_IMAGE" >/dev/null
fi
if ! docker image inspect "$DEBIAN_IMAGE" >/dev/null 2>&1; then
  log "loading $DEBIAN_IMAGE into Docker"
  docker import "$TARBALL" "$DEBIAN_IMAGE" >/dev/null
fi
if [ -z "${APPBOX_TEST_SKIP_USER_IMAGE:-}" ] && ! as_user podman image exists "$DEBIAN_IMAGE"; then
  log "loading $DEBIAN_IMAGE into $TEST_USER's rootless Podman"
  as_user podman import -q "$TARBALL" "$DEBIAN_IMAGE" >/dev/null
fi

# The distributions' test images and repositories (docs/testing.md), made once from the mirror.
HERE=$(cd "$(dirname "$0")" && pwd)
"$HERE/test-env/repositories.sh" "$CACHE/repos" "$TEST_USER"
"$HERE/test-env/distro-images.sh" "$CACHE/distro-images" "$CACHE/repos" "$TARBALL" "$REPO_PORT"
if [ -z "${APPBOX_TEST_SKIP_USER_IMAGE:-}" ]; then
  for id in "${DISTROS[@]}"; do
    image=localhost/appbox-test/$id:latest
    stamp=$(cat "$CACHE/distro-images/$id.stamp")
    loaded=$(as_user podman image inspect --format '{{index .Labels "io.appbox.test.stamp"}}' \
      "$image" 2>/dev/null || true)
    if [ "$loaded" != "$stamp" ]; then
      log "loading $image into $TEST_USER's rootless Podman"
      as_user podman import -q --change "LABEL io.appbox.test.stamp=$stamp" \
        "$CACHE/distro-images/$id.tar" "$image" >/dev/null
    fi
  done
fi

env_lines="APPBOX_TEST_USER=$TEST_USER
APPBOX_TEST_UID=$TEST_UID
APPBOX_TEST_RUNTIME_DIR=$RUNTIME_DIR
APPBOX_TEST_CONTAINERS_CONF=$CONF
APPBOX_TEST_STORAGE_CONF=$STORAGE_CONF
APPBOX_TEST_DEBIAN_IMAGE=$DEBIAN_IMAGE
APPBOX_TEST_REPOS=$CACHE/repos
APPBOX_TEST_DISTRO_IMAGES=$CACHE/distro-images
APPBOX_TEST_REPO_PORT=$REPO_PORT"
if [ -n "${APPBOX_TEST_ENV_FILE:-}" ]; then
  printf '%s\n' "$env_lines" > "$APPBOX_TEST_ENV_FILE"
fi
log "ready"
