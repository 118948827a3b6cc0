#!/usr/bin/env bash
# Issue 14's library benchmark: what each candidate library costs `appbox list` and
# `appbox --version --json` at start-up, on the path and in use, each with its own AOT cache.
#   sudo bench/libraries.sh [CANDIDATE...]      (default: all of bench/libraries/src/)
# Each candidate is a LibraryProbe (bench/libraries/src/NAME/) that does appbox's job for it with
# the library (the engine's containers reply parsed and written back; a logger used; the terminal
# opened; docker-java lists the containers itself) and then runs appbox's Main. `none` does the
# same without a library: it is the baseline, measured in the same rounds, interleaved.
# The runtime is the release's JDK whole (Temurin 25; the jlinked runtime lacks modules some
# candidates need), with the launcher's settings; every variant's cache is trained the way
# libexec/appbox-aot trains appbox's. Times: medians of wall and CPU time (user + system).
ENGINE=docker
. "$(dirname "$0")/lib.sh"
RUNS=${RUNS:-15}
BOXES=${BOXES:-10}
jdk=${BENCH_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
[ -x "$jdk/bin/java" ] || { echo "no JDK at $jdk (set BENCH_JDK)" >&2; exit 1; }
candidates=("$@")
[ ${#candidates[@]} -gt 0 ] || mapfile -t candidates < <(ls "$repo/bench/libraries/src" | grep -vx none)
work=$(mktemp -d /tmp/appbox-bench-libraries.XXXXXX)
trap 'rm -rf "$work"; cleanup_bench; rm -f "$env_file"' EXIT

for i in $(seq 1 "$BOXES"); do
  appbox rm --force "bench-lib-$i" >/dev/null 2>&1 || true
  appbox create "bench-lib-$i" >/dev/null 2>&1 || { echo "create bench-lib-$i failed" >&2; exit 1; }
done
socket=/var/run/docker.sock
curl -sf --unix-socket "$socket" 'http://engine/containers/json?all=1' > "$work/reply.json"

cli=$dist/lib/appbox-cli.jar
for v in none "${candidates[@]}"; do
  src=$repo/bench/libraries/src/$v
  [ -d "$src" ] || { echo "no candidate $v in bench/libraries/src" >&2; exit 2; }
  mvn -q -B -ntp -f "$repo/bench/libraries/pom.xml" -P "$v" dependency:build-classpath \
    -Dmdep.outputFile="$work/$v.cp" >/dev/null 2>&1
  cp=$(cat "$work/$v.cp" 2>/dev/null || true)
  mkdir -p "$work/$v"
  "$jdk/bin/javac" -nowarn -d "$work/$v" -cp "$cli${cp:+:$cp}" "$src/LibraryProbe.java"
  # An AOT cache takes jars only, no directories, on its class path.
  "$jdk/bin/jar" --create --file "$work/$v.jar" -C "$work/$v" .
  echo "$work/$v.jar:$cli${cp:+:$cp}" > "$work/$v.path"
  (cd "$bench_home" && env -i "${envs[@]}" "$jdk/bin/java" -XX:AOTCacheOutput="$work/$v.aot" \
    -XX:+UseG1GC -XX:-UsePerfData -Xlog:aot=off -Xlog:cds=off -Dappbox.home="$dist" \
    -Dappbox.training=aot -Dprobe.reply="$work/reply.json" -Dprobe.socket="unix://$socket" \
    -cp "$(cat "$work/$v.path")" LibraryProbe --version >/dev/null 2>&1)
  [ -s "$work/$v.aot" ] || { echo "no AOT cache for $v" >&2; exit 1; }
done

# One round runs every variant once per command, in turn, so the machine's load falls on all alike.
python3 - "$RUNS" "$work" "$dist" "$jdk" "$socket" "$bench_home" none "${candidates[@]}" <<'PY'
import os, statistics, subprocess, sys, time
runs, work, dist, jdk, socket, home = int(sys.argv[1]), *sys.argv[2:7]
variants = sys.argv[7:]
env = {"HOME": home, "USER": "root", "LOGNAME": "root", "LANG": "C.UTF-8",
       "PATH": "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin", "XDG_RUNTIME_DIR": home + "/.run"}
def command(v, jit, args):
    path = open(f"{work}/{v}.path").read().strip()
    return [f"{jdk}/bin/java", f"-XX:AOTCache={work}/{v}.aot", "-Xlog:aot=off", "-Xlog:cds=off",
            "-XX:+IgnoreUnrecognizedVMOptions", "-XX:+UnlockDiagnosticVMOptions",
            "-XX:ArchiveRelocationMode=0", jit, "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xss1m",
            f"-Dappbox.home={dist}", f"-Dprobe.reply={work}/reply.json",
            f"-Dprobe.socket=unix://{socket}", "-cp", path, "LibraryProbe", *args]
commands = {"list": ("-Xint", ["--engine", "docker", "list"]),
            "--version --json": ("-XX:TieredStopAtLevel=1", ["--version", "--json"])}
def once(argv):
    t0 = time.monotonic()
    p = subprocess.Popen(argv, env=env, cwd=home, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.monotonic() - t0
    err = p.stderr.read().decode(errors="replace"); p.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed ({os.waitstatus_to_exitcode(status)}): {' '.join(argv)}\n{err}")
    return wall, usage.ru_utime + usage.ru_stime
samples = {(v, c): [] for v in variants for c in commands}
for v in variants:
    for c, (jit, args) in commands.items():
        once(command(v, jit, args))   # warm-up, and proof that the variant works
for _ in range(runs):
    for c, (jit, args) in commands.items():
        for v in variants:
            samples[(v, c)].append(once(command(v, jit, args)))
print(f"engine: docker, {runs} rounds, medians; delta = candidate - none, in ms")
for c in commands:
    base_wall = statistics.median(s[0] for s in samples[("none", c)])
    base_cpu = statistics.median(s[1] for s in samples[("none", c)])
    print(f"\n{c}: none {base_wall*1000:.1f} ms wall, {base_cpu*1000:.1f} ms CPU")
    print(f"  {'candidate':<18}{'wall ms':>9}{'delta':>8}{'CPU ms':>9}{'delta':>8}")
    for v in variants:
        if v == "none":
            continue
        wall = statistics.median(s[0] for s in samples[(v, c)])
        cpu = statistics.median(s[1] for s in samples[(v, c)])
        print(f"  {v:<18}{wall*1000:9.1f}{(wall-base_wall)*1000:+8.1f}{cpu*1000:9.1f}{(cpu-base_cpu)*1000:+8.1f}")
PY

for i in $(seq 1 "$BOXES"); do appbox rm --force "bench-lib-$i" >/dev/null 2>&1 || true; done
