#!/usr/bin/env bash
# Builds the package repositories the distribution end-to-end tests install from, from the sources
# in packages/, with each distribution's own tools: rpmbuild and createrepo_c (fedora, almalinux,
# opensuse), makepkg and repo-add (arch), dpkg-deb and dpkg-scanpackages (debian).
#
#   repositories.sh OUT TEST_USER
#
# OUT/FORMAT/STAGE/ is one repository (FORMAT: rpm, arch, deb; STAGE: 1.0, 1.1, 1.2), a test
# serves the stage it needs. What each stage holds:
#   1.0  appbox-hello 1.0 (desktop entry, icons in five sizes; needs appbox-hello-data),
#        appbox-hello-data, appbox-c++.tools (a name with '+' and '.'), sudo
#   1.1  appbox-hello 1.1, which no longer needs appbox-hello-data (autoremove then drops it)
#   1.2  appbox-hello 1.2, whose install script fails (an upgrade to it must be restored); pacman
#        carries on when a scriptlet fails, so the arch package also claims a file of
#        appbox-hello-data, which makes pacman refuse the upgrade
# OUT/base/FORMAT/ holds what a distribution's image has registered from the start (filesystem,
# glibc, bash as /bin/sh, coreutils): the images register it, no repository serves it.
# sudo is Debian's own, repackaged: the images have none, as the distributions' images have none,
# and appbox installs it from the repository when it creates a box.
# Rebuilt only when these sources change (a stamp holds their hash).
set -euo pipefail

OUT=$1
TEST_USER=$2
HERE=$(cd "$(dirname "$0")" && pwd)
SOURCES=$HERE/packages

log() { printf 'test-env: %s\n' "$*" >&2; }

hash=$(cat "$0" "$SOURCES"/* | sha256sum | cut -c1-16)
if [ -f "$OUT/.stamp" ] && [ "$(cat "$OUT/.stamp")" = "$hash" ]; then
  exit 0
fi
log "building the test package repositories"
rm -rf "$OUT"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"

# ---- what each package holds, as a tree of files --------------------------------------------
stage_hello() { # VERSION DIR
  local v=$1 d=$2
  install -d "$d/usr/bin" "$d/usr/share/applications" "$d/usr/share/icons/hicolor/scalable/apps"
  sed "s/@VERSION@/$v/" "$SOURCES/appbox-hello.sh" > "$d/usr/bin/appbox-hello"
  chmod 755 "$d/usr/bin/appbox-hello"
  install -m 644 "$SOURCES/appbox-hello.desktop" "$d/usr/share/applications/"
  install -m 644 "$SOURCES/appbox-hello.svg" "$d/usr/share/icons/hicolor/scalable/apps/"
  for size in 16 32 48 64 128; do
    install -d "$d/usr/share/icons/hicolor/${size}x${size}/apps"
    python3 "$SOURCES/png.py" "$size" "$d/usr/share/icons/hicolor/${size}x${size}/apps/appbox-hello.png"
  done
}
stage_data() {
  install -d "$1/usr/share/appbox-hello"
  echo "data of appbox-hello" > "$1/usr/share/appbox-hello/data.txt"
}
stage_tools() {
  install -d "$1/usr/bin"
  printf '#!/bin/sh\necho "appbox-c++.tools 1.0"\n' > "$1/usr/bin/appbox-c++.tools"
  chmod 755 "$1/usr/bin/appbox-c++.tools"
}
(cd "$work" && apt-get download -qq -o APT::Sandbox::User=root sudo >/dev/null)
stage_sudo() {
  dpkg-deb -x "$work"/sudo_*.deb "$1"
  rm -rf "$1/usr/share/doc" "$1/usr/share/man" "$1/usr/share/lintian" "$1/etc/init.d" "$1/lib/systemd" "$1/usr/lib/systemd"
}
SUDO_VERSION=$(apt-cache show --no-all-versions sudo | sed -n 's/^Version: \([0-9.]*\).*/\1/p')

# name version summary depends(space-separated) provides fails stage-function
PACKAGES=(
  "appbox-hello|1.0|Says which version it is|appbox-hello-data||no|stage_hello 1.0"
  "appbox-hello|1.1|Says which version it is|||no|stage_hello 1.1"
  "appbox-hello|1.2|Says which version it is|||yes|stage_hello 1.2"
  "appbox-hello-data|1.0|Data that appbox-hello 1.0 needs|||no|stage_data"
  "appbox-c++.tools|1.0|A name with a plus and a dot|||no|stage_tools"
  "sudo|$SUDO_VERSION|The sudo of Debian, for images without one|||no|stage_sudo"
)
BASE=(
  "filesystem|1.0|The base of the image|||no|true"
  "glibc|1.0|The C library of the image|||no|true"
  "bash|1.0|The shell of the image||/bin/sh /bin/bash sh|no|true"
  "coreutils|1.0|The core utilities of the image|||no|true"
)
STAGES=(
  "1.0|appbox-hello-1.0 appbox-hello-data-1.0 appbox-c++.tools-1.0 sudo-$SUDO_VERSION"
  "1.1|appbox-hello-1.1 appbox-hello-data-1.0 appbox-c++.tools-1.0 sudo-$SUDO_VERSION"
  "1.2|appbox-hello-1.2 appbox-hello-data-1.0 appbox-c++.tools-1.0 sudo-$SUDO_VERSION"
)

# ---- rpm ------------------------------------------------------------------------------------
build_rpm() { # fields... OUTDIR
  local name=$1 version=$2 summary=$3 depends=$4 provides=$5 fails=$6 stage=$7 dest=$8
  local root=$work/stage-$name-$version top=$work/rpmbuild
  rm -rf "$root" && mkdir -p "$root" && $stage "$root"
  mkdir -p "$top" "$dest"
  {
    echo "Name: $name"
    echo "Version: $version"
    echo "Release: 1"
    echo "Summary: $summary"
    echo "License: MIT"
    [ "$name" = sudo ] || echo "BuildArch: noarch"
    echo "AutoReqProv: no"
    for d in $depends; do echo "Requires: $d"; done
    for p in $provides; do [ "$p" = sh ] || echo "Provides: $p"; done
    echo "%global debug_package %{nil}"
    echo "%global __os_install_post %{nil}"
    echo "%description"
    echo "$summary."
    echo "%install"
    echo "cp -a $root/. %{buildroot}/"
    if [ "$fails" = yes ]; then
      printf '%%pre\necho "%s %s refuses to install" >&2\nexit 1\n' "$name" "$version"
    fi
    echo "%files"
    (cd "$root" && find . -type f -o -type l | sed 's|^\.||' | sort)
  } > "$work/$name.spec"
  rpmbuild --quiet --define "_topdir $top" --define "_rpmdir $dest" \
    --define '_build_name_fmt %%{NAME}-%%{VERSION}-%%{RELEASE}.%%{ARCH}.rpm' \
    -bb "$work/$name.spec" >/dev/null
}

# ---- pacman ---------------------------------------------------------------------------------
build_arch() { # fields... OUTDIR
  local name=$1 version=$2 summary=$3 depends=$4 provides=$5 fails=$6 stage=$7 dest=$8
  local dir=$work/makepkg-$name-$version
  rm -rf "$dir" && mkdir -p "$dir/root" && $stage "$dir/root"
  [ "$fails" = yes ] && stage_data "$dir/root"
  # makepkg refuses to run as root: it builds as the test user, who must read every file.
  chmod -R a+rX "$dir/root"
  {
    echo "pkgname='$name'"
    echo "pkgver=$version"
    echo "pkgrel=1"
    echo "pkgdesc='$summary'"
    if [ "$name" = sudo ]; then echo "arch=(x86_64)"; else echo "arch=(any)"; fi
    echo "license=(MIT)"
    echo "depends=($depends)"
    echo "provides=($(for p in $provides; do case $p in /*) ;; *) echo "$p" ;; esac; done))"
    echo "options=(!strip !debug !emptydirs)"
    [ "$fails" = yes ] && echo "install=fails.install"
    echo 'package() {'
    echo '  cp -a "$startdir/root/." "$pkgdir/"'
    if [ "$name" = sudo ]; then
      echo '  chmod 4755 "$pkgdir/usr/bin/sudo"; chmod 0440 "$pkgdir/etc/sudoers"'
    fi
    echo '}'
  } > "$dir/PKGBUILD"
  if [ "$fails" = yes ]; then
    printf 'pre_install() {\n  echo "%s %s refuses to install"\n  return 1\n}\npre_upgrade() {\n  pre_install\n}\n' \
      "$name" "$version" > "$dir/fails.install"
  fi
  chown -R "$TEST_USER:" "$dir"
  runuser -u "$TEST_USER" -- env -i PATH=/usr/bin:/bin HOME="$dir" PKGDEST="$dir" PKGEXT=.pkg.tar.zst \
    PACKAGER='appbox tests <tests@appbox.invalid>' \
    sh -c 'cd "$1" && makepkg --nodeps --force --noconfirm --noprogressbar >makepkg.log 2>&1' \
    makepkg "$dir" || { cat "$dir/makepkg.log" >&2; return 1; }
  mkdir -p "$dest"
  cp "$dir"/*.pkg.tar.zst "$dest/"
}

# ---- deb ------------------------------------------------------------------------------------
build_deb() { # fields... OUTDIR
  local name=$1 version=$2 summary=$3 depends=$4 provides=$5 fails=$6 stage=$7 dest=$8
  local root=$work/deb-$name-$version
  [ "$name" = sudo ] && return 0 # Debian's image has sudo
  rm -rf "$root" && mkdir -p "$root/DEBIAN" && $stage "$root"
  {
    echo "Package: $name"
    echo "Version: $version"
    echo "Architecture: all"
    echo "Maintainer: appbox tests <tests@appbox.invalid>"
    [ -n "$depends" ] && echo "Depends: ${depends// /, }"
    echo "Description: $summary"
  } > "$root/DEBIAN/control"
  if [ "$fails" = yes ]; then
    printf '#!/bin/sh\necho "%s %s refuses to install" >&2\nexit 1\n' "$name" "$version" \
      > "$root/DEBIAN/preinst"
    chmod 755 "$root/DEBIAN/preinst"
  fi
  mkdir -p "$dest"
  dpkg-deb --root-owner-group --build "$root" "$dest/${name}_${version}_all.deb" >/dev/null
}

build_format() {
  local format=$1 p name version summary depends provides fails stage
  for p in "${PACKAGES[@]}"; do
    IFS='|' read -r name version summary depends provides fails stage <<<"$p"
    "build_$format" "$name" "$version" "$summary" "$depends" "$provides" "$fails" "$stage" \
      "$work/built/$format"
  done
  [ "$format" = deb ] && return 0
  for p in "${BASE[@]}"; do
    IFS='|' read -r name version summary depends provides fails stage <<<"$p"
    "build_$format" "$name" "$version" "$summary" "$depends" "$provides" "$fails" "$stage" \
      "$OUT/base/$format"
  done
}
# The three formats build side by side.
pids=()
for format in rpm arch deb; do
  build_format "$format" & pids+=($!)
done
for p in "${pids[@]}"; do wait "$p"; done

# ---- one repository per format and stage ----------------------------------------------------
for s in "${STAGES[@]}"; do
  IFS='|' read -r stage members <<<"$s"
  for format in rpm arch deb; do
    repo=$OUT/$format/$stage
    mkdir -p "$repo"
    for m in $members; do
      name=${m%-*} version=${m##*-}
      for f in "$work/built/$format/$name"[-_]"$version"[-_]*; do
        [ -e "$f" ] && ln "$f" "$repo/"
      done
    done
    case $format in
      rpm) createrepo_c --quiet --no-database "$repo" ;;
      arch) repo-add --quiet "$repo/appboxtest.db.tar.gz" "$repo"/*.pkg.tar.zst 2>/dev/null ;;
      deb) (cd "$repo" && dpkg-scanpackages --multiversion . 2>/dev/null > Packages) ;;
    esac
  done
done
chmod -R a+rX "$OUT"
echo "$hash" > "$OUT/.stamp"
