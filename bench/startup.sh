#!/usr/bin/env bash
# Issue 5's start-up benchmark: wall time (median) and peak memory of `appbox --version` and
# `appbox --help` for a built distribution, with the JVM settings bin/appbox uses, against a
# plain `java` hello-world measured in the same run. Pass the distribution to measure (default:
# this checkout's build), e.g. one built from an older commit, to compare before and after.
#   bench/startup.sh [DIST]
set -euo pipefail
repo=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd -P)
dist=${1:-$repo/appbox-cli/target/appbox}
RUNS=${RUNS:-20}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] a) { System.out.println("hello"); } }
JAVA
javac -d "$tmp" "$tmp/Hello.java"
median() {
  local samples=()
  for _ in $(seq 1 "$RUNS"); do
    local t0 t1; t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N)
    samples+=($(( t1 - t0 )))
  done
  printf '%s\n' "${samples[@]}" | sort -n | awk -v n="$RUNS" '{a[NR]=$1} END {m=(n%2)?a[(n+1)/2]:(a[n/2]+a[n/2+1])/2; printf "%.3f", m/1e9}'
}
peak() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -n1; }
hello=$(median java -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -cp "$tmp" Hello)
version=$(median "$dist/bin/appbox" --version)
help=$(median "$dist/bin/appbox" --help)
echo "distribution: $dist ($RUNS runs each, medians)"
echo "java hello world:  ${hello} s   $(peak java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -cp "$tmp" Hello) KB"
echo "appbox --version:  ${version} s   $(peak "$dist/bin/appbox" --version) KB"
echo "appbox --help:     ${help} s   $(peak "$dist/bin/appbox" --help) KB"
