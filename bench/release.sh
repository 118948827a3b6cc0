#!/usr/bin/env bash
# The release's benchmark (issue 10): the installed release, with its bundled runtime and AOT
# cache, against the launcher of the last release that ran the host's JDK (bin/appbox and
# bin/appbox-cds of commit d543ef2, with this build's jars and a class-data archive made by the
# host's java), and against `podman ps -a`, measured in one run, with BOXES boxes.
# Prints the ratios of medians and the sizes and memory the issue sets targets for.
#   sudo bench/release.sh              rootless Podman, 10 boxes
#   sudo BOXES=20 RUNS=30 bench/release.sh
. "$(dirname "$0")/lib.sh"
BOXES=${BOXES:-10}
OLD_LAUNCHER_COMMIT=${OLD_LAUNCHER_COMMIT:-d543ef2}

archive=$(ls "$repo"/appbox-cli/target/appbox-*-linux-x86_64.tar.gz)
name=$(basename "$archive" .tar.gz)
download=$(mktemp -d /tmp/appbox-bench-release.XXXXXX)
cp "$archive" "$download/"
tar -xzf "$archive" -C "$download"
chmod -R a+rX "$download"
as_user sh "$download/$name/install.sh" >/dev/null
installed=$bench_home/.local/bin/appbox
release() { as_user "$installed" "$@"; }

# Today's launcher, on the host's JDK: the old scripts over this build's jars.
old=$(mktemp -d /tmp/appbox-bench-old.XXXXXX)
mkdir -p "$old/bin"
cp -a "$download/$name/lib" "$download/$name/libexec" "$old/"
rm -f "$old"/lib/*.aot
git -C "$repo" show "$OLD_LAUNCHER_COMMIT:appbox-cli/src/main/dist/bin/appbox" > "$old/bin/appbox"
git -C "$repo" show "$OLD_LAUNCHER_COMMIT:appbox-cli/src/main/dist/bin/appbox-cds" > "$old/bin/appbox-cds"
chmod 755 "$old/bin/appbox" "$old/bin/appbox-cds"
sh "$old/bin/appbox-cds"
chmod -R a+rX "$old"
host_java() { as_user "$old/bin/appbox" "$@"; }

for i in $(seq 1 "$BOXES"); do
  release --engine "$ENGINE_FLAG" rm --force "bench-rel-$i" >/dev/null 2>&1 || true
  release --engine "$ENGINE_FLAG" create "bench-rel-$i" >/dev/null 2>&1 || { echo "create bench-rel-$i failed" >&2; exit 1; }
done
count=$(release --engine "$ENGINE_FLAG" list | grep -c '^bench-rel-')
[ "$count" = "$BOXES" ] || { echo "expected $BOXES boxes, list shows $count" >&2; exit 1; }

ps=$(time_runs "$ENGINE_CLI ps -a" as_user "$ENGINE_CLI" ps -a)
list_old=$(time_runs "old list" host_java --engine "$ENGINE_FLAG" list)
list_new=$(time_runs "release list" release --engine "$ENGINE_FLAG" list)
version_old=$(time_runs "old --version" host_java --version)
version_new=$(time_runs "release --version" release --version)
list_old_cpu=$(cpu_runs "old list" "$old/bin/appbox" --engine "$ENGINE_FLAG" list)
list_new_cpu=$(cpu_runs "release list" "$installed" --engine "$ENGINE_FLAG" list)
rss=$(peak_kb "$installed" --engine "$ENGINE_FLAG" list)
runtime=$(release --version --json | sed -n 's/.*"runtime":"\([^"]*\)".*/\1/p')

echo "load average at the end: $(cut -d" " -f1-3 /proc/loadavg)"
echo "engine: $ENGINE, $BOXES boxes ($RUNS runs each, medians); release runtime $runtime; old launcher: $(java -version 2>&1 | head -n1)"
echo "$ENGINE_CLI ps -a:              ${ps} s"
echo "list, old launcher:        ${list_old} s   $(ratio "$list_old" "$ps") x ps"
echo "list, release:             ${list_new} s   $(ratio "$list_new" "$ps") x ps (target <= 1.5)   $(ratio "$list_new" "$list_old") x old (target <= 0.8)"
echo "list CPU time, old:        ${list_old_cpu} s;  release: ${list_new_cpu} s   $(ratio "$list_new_cpu" "$list_old_cpu") x old"
echo "--version, old launcher:   ${version_old} s"
echo "--version, release:        ${version_new} s   $(ratio "$version_new" "$version_old") x old (target <= 0.8)"
echo "list peak RSS, release:    $((rss / 1024)) MiB (target <= 64)"
echo "archive:                   $(( $(stat -c %s "$archive") / 1048576 )) MiB (target <= 45)"
echo "installed (one version):   $(du -sm "$(readlink -f "$bench_home/.local/share/appbox/current")" | cut -f1) MiB (target <= 120)"

for i in $(seq 1 "$BOXES"); do release --engine "$ENGINE_FLAG" rm --force "bench-rel-$i" >/dev/null 2>&1 || true; done
rm -rf "$download" "$old"
cleanup_bench
