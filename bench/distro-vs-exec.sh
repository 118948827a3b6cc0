#!/usr/bin/env bash
# Issue 11's benchmark, per package manager (dnf5, zypper, pacman; also dnf 4 and apt): in the
# distribution test images (scripts/test-env/) with their test repository served over http,
#   - `appbox install appbox-hello` (its desktop entry and icons exported) against the bare
#     package manager through `ENGINE exec BOX` (target: a ratio of at most 1.10);
#   - `appbox search` on a warm box against the bare search through `ENGINE exec` (target 1.2).
# Two equal boxes per distribution, the index refreshed in both; the same command line as the
# profile's, run as root as appbox runs it. Ratios of medians, baseline measured in the same run.
#   sudo bench/distro-vs-exec.sh [ID...]      default: fedora opensuse arch
. "$(dirname "$0")/lib.sh"
RUNS=${RUNS:-5}
distros=("$@")
[ ${#distros[@]} -gt 0 ] || distros=(fedora opensuse arch)

serve=$(mktemp -d /tmp/appbox-bench-repos.XXXXXX)
chmod 755 "$serve"
python3 -m http.server --bind 127.0.0.1 --directory "$serve" "$APPBOX_TEST_REPO_PORT" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$serve"; rm -f "$env_file"' EXIT
sleep 1

{
  echo "images:"
  for d in "${distros[@]}"; do echo "  $d: localhost/appbox-test/$d:latest"; done
} > "$bench_home/config.yaml"
mkdir -p "$bench_home/.config/appbox"
mv "$bench_home/config.yaml" "$bench_home/.config/appbox/config.yaml"
chown -R "$BENCH_USER:" "$bench_home"

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f", m/1e9}'; }
bare() { as_user "$ENGINE_CLI" exec --user root --env LC_MESSAGES=C "$@"; }

echo "engine: $ENGINE; $RUNS runs each; medians"
for d in "${distros[@]}"; do
  case $d in
    fedora | almalinux)
      format=rpm install=(dnf install -y) search=(dnf search --quiet) refresh=(dnf makecache)
      reset=(dnf remove -y appbox-hello appbox-hello-data) tool="dnf ($(cat "$APPBOX_TEST_DISTRO_IMAGES/$d.version"))" ;;
    opensuse)
      format=rpm install=(zypper --non-interactive install) search=(zypper --non-interactive search)
      refresh=(zypper --non-interactive refresh)
      reset=(zypper --non-interactive remove --clean-deps appbox-hello) tool=$(cat "$APPBOX_TEST_DISTRO_IMAGES/$d.version") ;;
    arch)
      format=arch install=(pacman -S --noconfirm --needed) search=(pacman -Ss) refresh=(pacman -Sy)
      reset=(pacman -Rns --noconfirm appbox-hello) tool=$(cat "$APPBOX_TEST_DISTRO_IMAGES/$d.version") ;;
    debian)
      format=deb install=(env DEBIAN_FRONTEND=noninteractive apt-get install -y) search=(apt-cache search)
      refresh=(apt-get update) reset=(sh -c 'apt-get purge -y appbox-hello && apt-get autoremove -y')
      tool=$(cat "$APPBOX_TEST_DISTRO_IMAGES/$d.version") ;;
    *) echo "unknown distribution $d" >&2; exit 2 ;;
  esac
  rm -rf "${serve:?}/$d"
  cp -r "$APPBOX_TEST_REPOS/$format/1.0" "$serve/$d"
  chmod -R a+rX "$serve/$d"
  a=bench-$d-bare b=bench-$d-appbox
  for box in "$a" "$b"; do
    appbox rm --force "$box" >/dev/null 2>&1 || true
    appbox create "$box" --distro "$d" >/dev/null 2>&1 || { echo "create $box failed" >&2; exit 1; }
    bare "$box" "${refresh[@]}" >/dev/null 2>&1
  done

  plain=() ours=()
  for _ in $(seq 1 "$RUNS"); do
    t0=$(date +%s%N)
    bare "$a" "${install[@]}" appbox-hello >/dev/null 2>&1
    t1=$(date +%s%N); plain+=($((t1 - t0)))
    bare "$a" "${reset[@]}" >/dev/null 2>&1
    t0=$(date +%s%N)
    appbox install --box "$b" appbox-hello >/dev/null 2>&1
    t1=$(date +%s%N); ours+=($((t1 - t0)))
    appbox remove --box "$b" appbox-hello >/dev/null 2>&1
    bare "$b" "${reset[@]}" >/dev/null 2>&1 || true
  done
  p=$(median "${plain[@]}") o=$(median "${ours[@]}")
  s_plain=$(time_runs "bare search" bare "$a" "${search[@]}" appbox)
  s_ours=$(time_runs "appbox search" appbox search --box "$b" appbox)
  echo "$d, $tool:"
  echo "  exec ${install[*]} appbox-hello:   ${p} s"
  echo "  appbox install appbox-hello (exports): ${o} s   ratio $(ratio "$o" "$p")   (target <= 1.10)"
  echo "  exec ${search[*]} appbox:          ${s_plain} s"
  echo "  appbox search appbox (warm box):       ${s_ours} s   ratio $(ratio "$s_ours" "$s_plain")   (target <= 1.2)"
  for box in "$a" "$b"; do appbox rm --force "$box" >/dev/null 2>&1 || true; done
done
cleanup_bench
