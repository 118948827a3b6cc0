#!/usr/bin/env bash
# Issue 3's benchmark: `appbox install PKG` against `ENGINE exec BOX apt-get install -y PKG` on
# two equal boxes (same image, index refreshed, package files already downloaded), as a ratio of
# medians (target: appbox's overhead at most 10%, a ratio of at most 1.10).
#   sudo bench/install-vs-exec.sh [PKG]           rootless Podman (the test user); PKG: htop
#   sudo ENGINE=docker bench/install-vs-exec.sh
. "$(dirname "$0")/lib.sh"
pkg=${1:-htop}
RUNS=${RUNS:-5}
a=bench-apt
b=bench-appbox
for box in "$a" "$b"; do
  appbox rm --force "$box" >/dev/null 2>&1 || true
  appbox create "$box" >/dev/null 2>&1
  # Equal starting points: a fresh index and the package files in apt's cache.
  appbox run --root "$box" -- sh -c "apt-get update -qq && apt-get install -y -qq --download-only $pkg" >/dev/null
done
reset() { appbox run --root "$1" -- sh -c "apt-get purge -y -qq $pkg >/dev/null && apt-get autoremove -y -qq >/dev/null"; }

plain=(); ours=(); ours_export=()
for _ in $(seq 1 "$RUNS"); do
  t0=$(date +%s%N)
  as_user "$ENGINE_CLI" exec --user root --env DEBIAN_FRONTEND=noninteractive "$a" apt-get install -y "$pkg" >/dev/null 2>&1
  t1=$(date +%s%N); plain+=($((t1 - t0))); reset "$a"
  t0=$(date +%s%N)
  appbox install --box "$b" --no-export "$pkg" >/dev/null 2>&1
  t1=$(date +%s%N); ours+=($((t1 - t0))); reset "$b"
  t0=$(date +%s%N)
  appbox install --box "$b" "$pkg" >/dev/null 2>&1
  t1=$(date +%s%N); ours_export+=($((t1 - t0)))
  appbox remove --box "$b" "$pkg" >/dev/null 2>&1; reset "$b" 2>/dev/null || true
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f", m/1e9}'; }
p=$(median "${plain[@]}"); o=$(median "${ours[@]}"); e=$(median "${ours_export[@]}")
echo "engine: $ENGINE, package $pkg ($RUNS runs each, medians)"
echo "$ENGINE_CLI exec BOX apt-get install -y $pkg:   ${p} s"
echo "appbox install --no-export $pkg:              ${o} s   ratio $(ratio "$o" "$p")   (target <= 1.10)"
echo "appbox install $pkg (with its export):        ${e} s   ratio $(ratio "$e" "$p")"
for box in "$a" "$b"; do appbox rm --force "$box" >/dev/null 2>&1 || true; done
cleanup_bench
