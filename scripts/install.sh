#!/bin/sh
# Installs appbox for the current user, under their home and never under /usr:
#   ~/.local/share/appbox/   the program (bin, lib)
#   ~/.local/bin/appbox      the command
#   ~/.local/share/man/man1/ its man pages (appbox.1, appbox-COMMAND.1)
# Run it from a built distribution (appbox-cli/target/appbox) or the repository root.
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd -P)
if [ -x "$here/bin/appbox" ]; then
  dist=$here
elif [ -x "$here/../appbox-cli/target/appbox/bin/appbox" ]; then
  dist=$(CDPATH= cd -- "$here/../appbox-cli/target/appbox" && pwd -P)
else
  echo "install.sh: no built appbox found; run: mvn -DskipTests package" >&2
  exit 1
fi
data=${XDG_DATA_HOME:-$HOME/.local/share}
target=$data/appbox
bin=$HOME/.local/bin
mkdir -p "$data" "$bin"
# Install beside the old version, then swap, so a failed copy never leaves half an installation.
tmp=$(mktemp -d "$data/.appbox-install.XXXXXX")
cp -R "$dist/bin" "$dist/lib" "$tmp/"
[ -d "$dist/libexec" ] && cp -R "$dist/libexec" "$tmp/"
[ -d "$dist/share" ] && cp -R "$dist/share" "$tmp/"
rm -f "$tmp/lib/appbox.jsa"
if [ -d "$target" ]; then
  old=$(mktemp -d "$data/.appbox-old.XXXXXX")
  mv "$target" "$old/"
  mv "$tmp" "$target"
  rm -rf "$old"
else
  mv "$tmp" "$target"
fi
# The class-data archive records where the jars are: make it again for the final place.
sh "$target/bin/appbox-cds"
cat > "$bin/.appbox.tmp" <<WRAPPER
#!/bin/sh
exec "$target/bin/appbox" "\$@"
WRAPPER
chmod 755 "$bin/.appbox.tmp"
mv "$bin/.appbox.tmp" "$bin/appbox"
# The man pages, where man looks for a user with ~/.local/bin on PATH: `man appbox`.
man=$data/man/man1
if [ -d "$target/share/man/man1" ]; then
  mkdir -p "$man"
  for page in "$target"/share/man/man1/*.1; do
    cp "$page" "$man/.${page##*/}.tmp" && mv "$man/.${page##*/}.tmp" "$man/${page##*/}"
  done
  for old in "$man"/appbox-*.1; do
    if [ ! -e "$target/share/man/man1/${old##*/}" ]; then rm -f "$old"; fi
  done
fi
echo "appbox installed: $bin/appbox"
case ":$PATH:" in
  *":$bin:"*) ;;
  *) echo "note: add $bin to your PATH" ;;
esac
