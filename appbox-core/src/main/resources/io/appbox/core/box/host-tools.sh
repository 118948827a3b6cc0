# Runs as root in a box: what lets the box reach the host. Arguments are never interpolated
# into code.
#   install SOURCE OPEN   host-exec copied from SOURCE (this appbox's, seen through /run/host)
#                         to /usr/local/bin, which no distribution's package owns; with OPEN=true,
#                         xdg-open there (first on the box's PATH) and $BROWSER hand links and
#                         files to the host's xdg-open.
#   link NAME             NAME on the box's PATH runs the host's NAME (a managed host command);
#                         exits 3 when a file of another kind is there.
#   unlink NAME           takes the link away again, only when it is one.
set -eu
bin=/usr/local/bin
ours() { [ -L "$bin/$1" ] && [ "$(readlink "$bin/$1")" = host-exec ]; }
case $1 in
  install)
    mkdir -p "$bin"
    cp "$2" "$bin/.host-exec.new"
    chmod 0755 "$bin/.host-exec.new"
    mv -f "$bin/.host-exec.new" "$bin/host-exec"
    if [ "$3" = true ]; then
      ln -sfn host-exec "$bin/xdg-open"
      mkdir -p /etc/profile.d
      printf '# appbox: links open in the host'"'"'s browser.\nexport BROWSER=%s\n' \
        "$bin/xdg-open" > /etc/profile.d/appbox-host-open.sh
    else
      # A clone of a box whose links opened on the host.
      if ours xdg-open; then rm -f "$bin/xdg-open"; fi
      rm -f /etc/profile.d/appbox-host-open.sh
    fi
    ;;
  link)
    if [ -e "$bin/$2" ] || [ -L "$bin/$2" ]; then
      ours "$2" || { echo "$bin/$2 exists and is not a host command" >&2; exit 3; }
    fi
    mkdir -p "$bin"
    ln -sfn host-exec "$bin/$2"
    ;;
  unlink)
    if ours "$2"; then rm -f "$bin/$2"; fi
    ;;
esac
