#!/bin/sh
# Makes the self-contained release from the distribution the build assembled (target/appbox):
#   1. a Java runtime of only the modules appbox uses (jdeps), linked with jlink and stripped,
#      into DIST/runtime: bin/appbox runs it and never a host java;
#   2. one modification time for every file, so the archive compares equal across builds and the
#      AOT cache (which records the jars' times) matches the files a user unpacks;
#   3. the AOT caches (Java 25+) or class-data archive (older runtimes) that make appbox start
#      fast, trained with that runtime (libexec/appbox-aot);
#   4. OUT/appbox-VERSION-linux-x86_64.tar.gz and its SHA-256 beside it.
# The runtime comes from APPBOX_RUNTIME_JDK when set, else the newest JDK of release 25 or later
# under /usr/lib/jvm, else the JDK running the build.
#   release.sh DIST OUT VERSION BUILD_JDK
set -eu
dist=$1 out=$2 version=$3 build_jdk=$4
log() { printf 'release: %s\n' "$*" >&2; }

feature() { # the feature release of the JDK at $1, from its `release` file; 0 when unknown
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null | head -n1 | grep . || echo 0
}

jdk=${APPBOX_RUNTIME_JDK:-}
if [ -z "$jdk" ]; then
  best=0
  for candidate in /usr/lib/jvm/*; do
    [ -x "$candidate/bin/jlink" ] && [ ! -L "$candidate" ] || continue
    f=$(feature "$candidate")
    if [ "$f" -ge 25 ] && [ "$f" -gt "$best" ]; then best=$f jdk=$candidate; fi
  done
fi
if [ -z "$jdk" ]; then
  jdk=$build_jdk
  log "no JDK 25 or later under /usr/lib/jvm: bundling the build's JDK ($jdk), with a class-data archive instead of an AOT cache"
fi
[ -x "$jdk/bin/jlink" ] || { log "$jdk has no jlink"; exit 1; }
release=$(feature "$jdk")

# 1. The runtime.
lib=$dist/lib
modules=$("$jdk/bin/jdeps" -q --ignore-missing-deps --print-module-deps --multi-release 17 "$lib"/*.jar)
# Before Java 22 the elliptic-curve ciphers most TLS servers use (https manifests) are a module
# of their own, which jdeps cannot see: it is reached through the security providers.
if [ "$release" -lt 22 ]; then modules=$modules,jdk.crypto.ec; fi
# sun.misc.Signal, which appbox reaches reflectively (InterruptsToTheCommand): jdeps cannot see it.
modules=$modules,jdk.unsupported
rm -rf "$dist/runtime"
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --output "$dist/runtime"
if command -v strip >/dev/null 2>&1; then
  find "$dist/runtime" -name '*.so' -exec strip --strip-unneeded {} +
fi
log "runtime: Java $release from $jdk, modules $modules"

# The version the launcher prints without starting the runtime.
printf '%s\n' "$version" > "$dist/lib/version"

# 2. One time for every file: the last commit's, or a fixed one outside a git checkout.
epoch=${SOURCE_DATE_EPOCH:-$(git -C "$dist" log -1 --format=%ct 2>/dev/null || echo 1767225600)}
find "$dist" -exec touch -h -d "@$epoch" {} +

# 3. The start-up cache, trained by the runtime just linked.
sh "$dist/libexec/appbox-aot"
for made in "$dist/lib" "$dist"/lib/appbox*.aot "$dist/lib/appbox.jsa"; do
  [ ! -e "$made" ] || touch -d "@$epoch" "$made"
done

# 4. The archive: names sorted, owner root, one time, gzip without a name or time.
name=appbox-$version-linux-x86_64
archive=$out/$name.tar.gz
top=$(basename "$dist")
(cd "$dist/.." && tar --create --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" \
  --mode='u+w,go-w' --format=gnu --transform="s,^$top,$name," "$top") | gzip -n -9 > "$archive.tmp"
mv "$archive.tmp" "$archive"
(cd "$out" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
log "$(du -h "$archive" | cut -f1) $archive"
