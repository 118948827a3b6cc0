#!/usr/bin/env bash
# Builds the box images of the distribution end-to-end tests from Debian's archive, which carries
# the other distributions' own package managers:
#   fedora     sid + dnf5                 almalinux  bookworm + dnf 4
#   opensuse   sid + zypper               arch       sid + pacman
#   debian     the bookworm image + the test repository in its sources
# Each is initialised as the distribution's own image is: the package database exists with the
# base packages registered (rpm --initdb; pacman's local db), the repositories are configured but
# never refreshed (no dnf cache, no zypper cache, no pacman sync db), and there is no sudo.
#
#   distro-images.sh OUT REPOS BASE_TARBALL PORT
#
# Writes OUT/ID.tar and OUT/ID.version (the package manager and its version, as Debian packaged
# it: "dnf5 5.4.6"). The repositories are http://127.0.0.1:PORT/ID/, served by the tests.
# Rebuilt only when the recipe (the functions below), the base packages or the port change. Bootstraps two at a time.
set -euo pipefail

# mmdebstrap runs the customize step as: distro-images.sh --customize ID ROOT REPOS PORT
if [ "${1:-}" != --customize ]; then
  OUT=$1 REPOS=$2 BASE_TARBALL=$3 PORT=$4
fi
SELF=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")
MIRROR=http://deb.debian.org/debian

log() { printf 'test-env: %s\n' "$*" >&2; }

# The repository, as each package manager configures one.
repo_file() { # ID ROOT
  local url=http://127.0.0.1:$PORT/$1/
  case $1 in
    fedora | almalinux)
      mkdir -p "$2/etc/yum.repos.d"
      printf '[appbox-test]\nname=appbox test packages\nbaseurl=%s\nenabled=1\ngpgcheck=0\n' \
        "$url" > "$2/etc/yum.repos.d/appbox-test.repo" ;;
    opensuse)
      mkdir -p "$2/etc/zypp/repos.d"
      printf '[appbox-test]\nname=appbox test packages\nbaseurl=%s\ntype=rpm-md\nenabled=1\nautorefresh=1\ngpgcheck=0\n' \
        "$url" > "$2/etc/zypp/repos.d/appbox-test.repo" ;;
    arch)
      # Signatures as Arch's own pacman.conf asks; the test repository is unsigned. The name must
      # not be "local": that is pacman's database of installed packages.
      sed -i 's/^\[options\]$/&\nSigLevel = Required DatabaseOptional\nLocalFileSigLevel = Optional/' \
        "$2/etc/pacman.conf"
      printf '\n[appboxtest]\nSigLevel = Never\nServer = %s\n' "$url" >> "$2/etc/pacman.conf" ;;
    debian)
      mkdir -p "$2/etc/apt/sources.list.d"
      printf 'deb [trusted=yes] %s ./\n' "$url" > "$2/etc/apt/sources.list.d/appbox-test.list" ;;
  esac
}

# The package database of a fresh image, with the base packages registered.
init_db() { # ID ROOT
  case $1 in
    fedora | almalinux | opensuse)
      # One database for root and users, where the distributions keep it (bookworm's rpm would
      # use each user's ~/.rpmdb).
      mkdir -p "$2/etc/rpm" "$2/tmp/base"
      echo '%_dbpath /var/lib/rpm' > "$2/etc/rpm/macros"
      cp "$REPOS"/base/rpm/*.rpm "$2/tmp/base/"
      chroot "$2" rpm --initdb
      chroot "$2" sh -c 'rpm -i --justdb --nodeps --noscripts /tmp/base/*.rpm'
      rm -rf "$2/tmp/base"
      # zypper's record of what it installed as a dependency; without one, it takes everything
      # for a dependency and autoremove would remove the base.
      if [ "$1" = opensuse ]; then
        mkdir -p "$2/var/lib/zypp"
        echo '# AutoInstalled' > "$2/var/lib/zypp/AutoInstalled"
      fi ;;
    arch)
      mkdir -p "$2/var/lib/pacman/local" "$2/tmp/base"
      echo 9 > "$2/var/lib/pacman/local/ALPM_DB_VERSION"
      cp "$REPOS"/base/arch/*.pkg.tar.zst "$2/tmp/base/"
      chroot "$2" sh -c 'pacman -U --dbonly --noconfirm --noprogressbar /tmp/base/*.pkg.tar.zst' >/dev/null
      rm -rf "$2/tmp/base" ;;
  esac
}

if [ "${1:-}" = --customize ]; then
  REPOS=$4 PORT=$5
  repo_file "$2" "$3"
  init_db "$2" "$3"
  exit 0
fi

mkdir -p "$OUT"
build() { # ID SUITE TOOL-PACKAGE TOOL-NAME
  local id=$1 suite=$2 package=$3 tool=$4
  local tar=$OUT/$id.tar extra=rpm
  [ "$tool" = pacman ] && extra=pacman-package-manager
  if [ -s "$tar" ] && [ "$(cat "$OUT/$id.stamp" 2>/dev/null)" = "$hash" ]; then
    return 0
  fi
  log "bootstrapping the $id test image (Debian $suite with $package)"
  local hooks=(
    --customize-hook="'$SELF' --customize $id \"\$1\" '$REPOS' '$PORT'"
    --customize-hook="chroot \"\$1\" dpkg-query -W -f '$tool \${Version}' $package | sed -E 's/^($tool [0-9]+(\\.[0-9]+)*).*/\\1/' > '$OUT/$id.version.tmp'"
  )
  # Fedora 41 and later call dnf5 dnf. Fedora's image has no "local" plugin, which Debian enables
  # outside containers and which fails without createrepo_c.
  [ "$tool" = dnf5 ] && hooks+=(--customize-hook='ln -s dnf5 "$1/usr/bin/dnf"'
    --customize-hook='sed -i "s/^enabled = host-only/enabled = 0/" "$1/etc/dnf/libdnf5-plugins/local.conf"')
  mmdebstrap --quiet --variant=essential --aptopt='Acquire::Check-Valid-Until "false"' \
    --include="$package,$extra,passwd" "${hooks[@]}" --format=tar "$suite" "$tar.tmp" "$MIRROR"
  mv "$OUT/$id.version.tmp" "$OUT/$id.version"
  mv "$tar.tmp" "$tar"
  echo "$hash" > "$OUT/$id.stamp"
}

# The Debian journey's image: the base image with the test repository in its sources.
debian() {
  local tar=$OUT/debian.tar
  if [ -s "$tar" ] && [ "$(cat "$OUT/debian.stamp" 2>/dev/null)" = "$hash" ]; then
    return 0
  fi
  local root
  root=$(mktemp -d)
  repo_file debian "$root"
  cp "$BASE_TARBALL" "$tar.tmp"
  tar --append -f "$tar.tmp" -C "$root" ./etc/apt/sources.list.d/appbox-test.list
  rm -rf "$root"
  tar -xOf "$tar.tmp" ./var/lib/dpkg/status |
    awk '/^Package:/{f=($2=="apt")} f&&/^Version:/{print "apt " $2}' > "$OUT/debian.version"
  mv "$tar.tmp" "$tar"
  echo "$hash" > "$OUT/debian.stamp"
}

hash=$( (declare -f repo_file init_db build debian; echo "$PORT"; ls "$REPOS"/base/*) |
  sha256sum | cut -c1-16)
pids=()
build fedora sid dnf5 dnf5 & pids+=($!)
build almalinux bookworm dnf dnf & pids+=($!)
for p in "${pids[@]}"; do wait "$p"; done
pids=()
build opensuse sid zypper zypper & pids+=($!)
build arch sid pacman-package-manager pacman & pids+=($!)
for p in "${pids[@]}"; do wait "$p"; done
debian
chmod 644 "$OUT"/*.tar "$OUT"/*.version
