# Runs once as root when a box is created: makes the host user a user of the box.
# Arguments, never interpolated into code: USER UID GID GROUP HOME SHELL
set -eu
user=$1 uid=$2 gid=$3 group=$4 home=$5 shell=$6
[ -x "$shell" ] || shell=/bin/bash
[ -x "$shell" ] || shell=/bin/sh
if [ "$uid" != 0 ]; then
  if ! grep -q "^[^:]*:[^:]*:$gid:" /etc/group; then
    if grep -q "^$group:" /etc/group; then group="appbox$gid"; fi
    printf '%s:x:%s:\n' "$group" "$gid" >> /etc/group
  fi
  # Replace any entry with the user's name or UID, in place: the engine may bind-mount the file.
  entry=$(printf '%s:x:%s:%s:%s:%s:%s' "$user" "$uid" "$gid" "$user" "$home" "$shell")
  others=$(grep -v -e "^$user:" -e "^[^:]*:[^:]*:$uid:" /etc/passwd || true)
  printf '%s\n%s\n' "$others" "$entry" | grep -v '^$' > /etc/passwd.appbox
  cat /etc/passwd.appbox > /etc/passwd
  rm -f /etc/passwd.appbox
  if [ -f /etc/shadow ] && ! grep -q "^$user:" /etc/shadow; then
    printf '%s:*:19000:0:99999:7:::\n' "$user" >> /etc/shadow
  fi
  if [ -d /etc/sudoers.d ]; then
    printf '%s ALL=(ALL:ALL) NOPASSWD: ALL\n' "$user" > /etc/sudoers.d/appbox
    chmod 0440 /etc/sudoers.d/appbox
  fi
fi
# Without sudo in the image, su from the user to root needs no password either.
if ! command -v sudo >/dev/null 2>&1 && [ -f /etc/shadow ]; then
  sed -i 's/^root:[^:]*:/root::/' /etc/shadow
fi
mkdir -p /etc/appbox
printf '%s\n' "$shell" > /etc/appbox/shell
# The login shell of the box's terminal menu entry (create --entry).
printf '#!/bin/sh\nexec "$(cat /etc/appbox/shell)" -l\n' > /etc/appbox/login
chmod 755 /etc/appbox/login
# A shell in the box names the box in its prompt, marked ⬢ as Toolbx marks its containers: the
# box shares the host's network and so its host name. Set at login (profile.d); a PS1 the user's
# own ~/.bashrc sets afterwards wins, as in Toolbx.
mkdir -p /etc/profile.d
cat > /etc/profile.d/appbox-prompt.sh <<'PROMPT'
# appbox: the prompt of a shell in box $APPBOX_BOX names the box.
if [ -n "${APPBOX_BOX:-}" ] && [ -n "${PS1:-}" ]; then
  if [ -n "${BASH_VERSION:-}" ]; then
    PS1='\[\033[35m\]⬢\[\033[0m\] [\u@${APPBOX_BOX} \W]\$ '
  elif [ -n "${ZSH_VERSION:-}" ]; then
    PS1="%F{magenta}⬢%f [%n@${APPBOX_BOX} %1~]%# "
  else
    PS1="⬢ [${USER:-}@${APPBOX_BOX}]\$ "
  fi
fi
PROMPT
