/*
 * host-exec: runs a program on the host, from inside a box, as the user.
 *
 *   host-exec [--] PROGRAM [ARG...]
 *   NAME [ARG...]      (a link named NAME to host-exec runs the host's NAME: managed host
 *                       commands and xdg-open are such links)
 *
 * It asks the Flatpak session helper on the session bus
 * (org.freedesktop.Flatpak.Development.HostCommand) to start the program, handing over its own
 * standard streams as file descriptors, then waits for HostCommandExited and exits as the program
 * did (128+N for signal N, as a shell says it). Signals it gets are passed on
 * (HostCommandSignal). When stdin and stdout are a terminal, the program gets a terminal of its
 * own that host-exec relays: the helper makes the program a session leader with that terminal, so
 * a host shell has job control (the box's own terminal already belongs to the box's session and
 * could not be given away).
 *
 * Boxes are any distribution with nothing installed, so this is a static program that speaks the
 * D-Bus wire protocol itself over the bus's unix socket. Exit 4 when there is no session helper.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#define EXIT_NO_PORTAL 4 /* docs/spec.md: a host facility appbox needs is missing */
#define NO_PORTAL "no Flatpak session helper on the session bus (install flatpak on the host)"

extern char **environ;

static struct termios saved_tty;
static int tty_raw;

static void restore_tty(void) {
  if (tty_raw) {
    tcsetattr(0, TCSANOW, &saved_tty);
    tty_raw = 0;
  }
}

static void fail(int code, const char *fmt, ...) {
  restore_tty();
  va_list ap;
  va_start(ap, fmt);
  fputs("host-exec: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  exit(code);
}

/* ---- building messages ---------------------------------------------------------------- */

struct buf {
  unsigned char *p;
  size_t len, cap;
};

static void put(struct buf *b, const void *data, size_t n) {
  if (b->len + n > b->cap) {
    size_t cap = b->cap ? b->cap : 1024;
    while (cap < b->len + n) cap *= 2;
    b->p = realloc(b->p, cap);
    if (!b->p) fail(1, "out of memory");
    b->cap = cap;
  }
  memcpy(b->p + b->len, data, n);
  b->len += n;
}

/* Offsets are from the message's start; a body starts 8-aligned, so a body built alone aligns
   the same. */
static void align(struct buf *b, size_t to) {
  static const unsigned char zeros[8];
  if (b->len % to) put(b, zeros, to - b->len % to);
}

static void put_u8(struct buf *b, uint8_t v) { put(b, &v, 1); }

static void put_u32(struct buf *b, uint32_t v) {
  align(b, 4);
  put(b, &v, 4); /* little-endian machine, little-endian message ('l') */
}

static void patch_u32(struct buf *b, size_t at, uint32_t v) { memcpy(b->p + at, &v, 4); }

static void put_string(struct buf *b, const char *s) {
  uint32_t n = strlen(s);
  put_u32(b, n);
  put(b, s, n + 1);
}

static void put_signature(struct buf *b, const char *s) {
  put_u8(b, strlen(s));
  put(b, s, strlen(s) + 1);
}

/* A byte string as GLib's bytestrings are: with its terminating NUL inside the array. */
static void put_bytestring(struct buf *b, const char *s) {
  uint32_t n = strlen(s) + 1;
  put_u32(b, n);
  put(b, s, n);
}

/* Arrays: begin writes the length's place and aligns to the elements; end fills it in. */
static size_t array_begin(struct buf *b, size_t element_align, size_t *start) {
  put_u32(b, 0);
  size_t at = b->len - 4;
  align(b, element_align);
  *start = b->len;
  return at;
}

static void array_end(struct buf *b, size_t at, size_t start) {
  patch_u32(b, at, b->len - start);
}

enum { CALL = 1, RETURN = 2, ERROR = 3, SIGNAL = 4 };
enum { NO_REPLY = 1 };

static void header_field(struct buf *h, uint8_t code, const char *type, const char *s,
                         uint32_t u) {
  align(h, 8);
  put_u8(h, code);
  put_signature(h, type);
  if (type[0] == 'u')
    put_u32(h, u);
  else if (type[0] == 'g')
    put_signature(h, s);
  else
    put_string(h, s);
}

static uint32_t next_serial = 1;

static uint32_t method_call(struct buf *out, uint8_t flags, const char *dest, const char *path,
                            const char *iface, const char *member, const char *sig,
                            const struct buf *body, uint32_t fds) {
  struct buf h = {0};
  uint32_t serial = next_serial++;
  put_u8(&h, 'l');
  put_u8(&h, CALL);
  put_u8(&h, flags);
  put_u8(&h, 1);
  put_u32(&h, body ? body->len : 0);
  put_u32(&h, serial);
  size_t start, at = array_begin(&h, 8, &start);
  header_field(&h, 1, "o", path, 0);
  header_field(&h, 2, "s", iface, 0);
  header_field(&h, 3, "s", member, 0);
  header_field(&h, 6, "s", dest, 0);
  if (sig) header_field(&h, 8, "g", sig, 0);
  if (fds) header_field(&h, 9, "u", NULL, fds);
  array_end(&h, at, start);
  align(&h, 8);
  put(out, h.p, h.len);
  if (body) put(out, body->p, body->len);
  free(h.p);
  return serial;
}

/* ---- reading messages ----------------------------------------------------------------- */

struct msg {
  int type;
  int big_endian;
  uint32_t reply_serial;
  const char *member, *iface, *error_name, *signature;
  const unsigned char *body;
  uint32_t body_len;
};

static uint32_t get_u32(const unsigned char *p, int big) {
  uint32_t v;
  memcpy(&v, p, 4);
  return big ? __builtin_bswap32(v) : v;
}

/* Parses the header fields of the complete message at m (length n). Returns 0 when malformed. */
static int parse_message(unsigned char *m, size_t n, struct msg *out) {
  memset(out, 0, sizeof *out);
  int big = m[0] == 'B';
  out->big_endian = big;
  out->type = m[1];
  uint32_t fields_len = get_u32(m + 12, big);
  size_t pos = 16, end = 16 + (size_t)fields_len;
  if (end > n) return 0;
  while (pos < end) {
    pos = (pos + 7) & ~(size_t)7;
    if (pos + 3 > end) return 0;
    uint8_t code = m[pos];
    uint8_t siglen = m[pos + 1];
    if (pos + 2 + siglen + 1 > end) return 0;
    char type = m[pos + 2];
    pos += 2 + siglen + 1;
    if (type == 'u') {
      pos = (pos + 3) & ~(size_t)3;
      if (pos + 4 > end) return 0;
      if (code == 5) out->reply_serial = get_u32(m + pos, big);
      pos += 4;
    } else if (type == 'g') {
      uint8_t len = m[pos];
      if (pos + 1 + len + 1 > end) return 0;
      if (code == 8) out->signature = (const char *)m + pos + 1;
      pos += 1 + len + 1;
    } else if (type == 's' || type == 'o') {
      pos = (pos + 3) & ~(size_t)3;
      if (pos + 4 > end) return 0;
      uint32_t len = get_u32(m + pos, big);
      if (pos + 4 + (size_t)len + 1 > end) return 0;
      const char *s = (const char *)m + pos + 4;
      if (code == 2) out->iface = s;
      if (code == 3) out->member = s;
      if (code == 4) out->error_name = s;
      pos += 4 + (size_t)len + 1;
    } else {
      return 0;
    }
  }
  size_t body = (end + 7) & ~(size_t)7;
  out->body = m + body;
  out->body_len = get_u32(m + 4, big);
  return body + out->body_len <= n;
}

/* The length of the message starting at p, or 0 when its fixed header is not all there yet. */
static size_t message_length(const unsigned char *p, size_t have) {
  if (have < 16) return 0;
  int big = p[0] == 'B';
  size_t fields = get_u32(p + 12, big);
  size_t header = (16 + fields + 7) & ~(size_t)7;
  return header + get_u32(p + 4, big);
}

/* ---- the bus -------------------------------------------------------------------------- */

static int unescape(const char *in, size_t n, char *out, size_t outsize) {
  size_t o = 0;
  for (size_t i = 0; i < n; i++) {
    if (o + 1 >= outsize) return 0;
    if (in[i] == '%' && i + 2 < n) {
      char hex[3] = {in[i + 1], in[i + 2], 0};
      out[o++] = (char)strtol(hex, NULL, 16);
      i += 2;
    } else {
      out[o++] = in[i];
    }
  }
  out[o] = 0;
  return 1;
}

/* Connects to the first unix address of the bus address list. Returns -1 when none answers. */
static int connect_bus(const char *addresses) {
  const char *a = addresses;
  while (a && *a) {
    const char *end = strchr(a, ';');
    size_t len = end ? (size_t)(end - a) : strlen(a);
    if (len > 5 && strncmp(a, "unix:", 5) == 0) {
      struct sockaddr_un sa = {.sun_family = AF_UNIX};
      const char *kv = a + 5, *stop = a + len;
      while (kv < stop) {
        const char *comma = memchr(kv, ',', stop - kv);
        const char *kend = comma ? comma : stop;
        const char *eq = memchr(kv, '=', kend - kv);
        if (eq) {
          size_t klen = eq - kv;
          int is_path = klen == 4 && strncmp(kv, "path", 4) == 0;
          int is_abstract = klen == 8 && strncmp(kv, "abstract", 8) == 0;
          if (is_path || is_abstract) {
            char value[sizeof sa.sun_path];
            if (unescape(eq + 1, kend - eq - 1, value, sizeof value - 1)) {
              if (is_abstract) {
                sa.sun_path[0] = 0;
                memcpy(sa.sun_path + 1, value, strlen(value));
              } else {
                memcpy(sa.sun_path, value, strlen(value) + 1);
              }
              socklen_t sl = offsetof(struct sockaddr_un, sun_path) + strlen(value) + 1;
              int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
              if (fd >= 0 && connect(fd, (struct sockaddr *)&sa, sl) == 0) return fd;
              if (fd >= 0) close(fd);
            }
          }
        }
        kv = comma ? comma + 1 : stop;
      }
    }
    a = end ? end + 1 : NULL;
  }
  return -1;
}

static void write_all(int fd, const void *p, size_t n) {
  const char *c = p;
  while (n) {
    ssize_t w = write(fd, c, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) fail(1, "writing to the session bus: %s", strerror(errno));
    c += w;
    n -= (size_t)w;
  }
}

/* Sends one message whose first bytes carry the file descriptors. */
static void send_with_fds(int bus, const struct buf *m, const int *fds, int nfds) {
  char control[CMSG_SPACE(sizeof(int) * 3)];
  memset(control, 0, sizeof control);
  struct iovec iov = {m->p, m->len};
  struct msghdr mh = {.msg_iov = &iov, .msg_iovlen = 1};
  if (nfds) {
    mh.msg_control = control;
    mh.msg_controllen = CMSG_SPACE(sizeof(int) * nfds);
    struct cmsghdr *c = CMSG_FIRSTHDR(&mh);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int) * nfds);
    memcpy(CMSG_DATA(c), fds, sizeof(int) * nfds);
  }
  ssize_t w;
  do w = sendmsg(bus, &mh, MSG_NOSIGNAL);
  while (w < 0 && errno == EINTR);
  if (w < 0) fail(1, "writing to the session bus: %s", strerror(errno));
  if ((size_t)w < m->len) write_all(bus, m->p + w, m->len - (size_t)w);
}

static struct buf inbox;

/* Reads what the bus sent; closes any descriptors that came along. Returns 0 at end of stream. */
static int read_bus(int bus) {
  unsigned char chunk[65536];
  char control[CMSG_SPACE(sizeof(int) * 16)];
  struct iovec iov = {chunk, sizeof chunk};
  struct msghdr mh = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = control,
                      .msg_controllen = sizeof control};
  ssize_t r = recvmsg(bus, &mh, MSG_CMSG_CLOEXEC);
  if (r < 0) return errno == EINTR || errno == EAGAIN ? 1 : 0;
  for (struct cmsghdr *c = CMSG_FIRSTHDR(&mh); c; c = CMSG_NXTHDR(&mh, c)) {
    if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
      int n = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
      int *fds = (int *)CMSG_DATA(c);
      for (int i = 0; i < n; i++) close(fds[i]);
    }
  }
  if (r == 0) return 0;
  put(&inbox, chunk, (size_t)r);
  return 1;
}

/* The authentication reply: reads lines until AGREE_UNIX_FD, keeps what follows in inbox. */
static void finish_auth(int bus) {
  for (;;) {
    unsigned char *agree = memmem(inbox.p, inbox.len, "AGREE_UNIX_FD\r\n", 15);
    if (agree) {
      size_t used = agree + 15 - inbox.p;
      memmove(inbox.p, inbox.p + used, inbox.len - used);
      inbox.len -= used;
      return;
    }
    if (inbox.len >= 6 && (memmem(inbox.p, inbox.len, "REJECTED", 8) ||
                           memmem(inbox.p, inbox.len, "ERROR", 5)))
      fail(1, "the session bus refused this user (SASL EXTERNAL) or passing terminals");
    if (!read_bus(bus)) fail(1, "the session bus closed the connection while authenticating");
  }
}

/* ---- what to send --------------------------------------------------------------------- */

/* Whether the bus takes it as a string: UTF-8 with no overlong form, surrogate or code point past
   U+10FFFF. The bus drops a connection that sends anything else. */
static int utf8_valid(const char *s) {
  const unsigned char *p = (const unsigned char *)s;
  while (*p) {
    uint32_t c = *p++;
    int more = c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2
               : c >= 0xf0 && c < 0xf5 ? 3 : -1;
    if (more < 0) return 0;
    c &= more == 0 ? 0x7f : more == 1 ? 0x1f : more == 2 ? 0x0f : 0x07;
    for (int i = 0; i < more; i++, p++) {
      if ((*p & 0xc0) != 0x80) return 0;
      c = (c << 6) | (*p & 0x3f);
    }
    if ((more == 2 && c < 0x800) || (more == 3 && c < 0x10000) || c > 0x10ffff ||
        (c >= 0xd800 && c < 0xe000))
      return 0;
  }
  return 1;
}

/* The caller's variables but the box's own: its search path, home and markers, the loader's
   variables and the shell's state. The helper's own environment (the host session's) fills the
   rest. BROWSER in a box names the hand-off to the host, which the host must not follow. */
static int box_only(const char *entry) {
  static const char *names[] = {"PATH", "HOME", "APPBOX_BOX", "container", "HOSTNAME", "PWD",
                                "OLDPWD", "SHLVL", "_", "BROWSER", NULL};
  static const char *prefixes[] = {"LD_", "BASH_FUNC_", NULL};
  size_t n = strcspn(entry, "=");
  for (int i = 0; names[i]; i++)
    if (strlen(names[i]) == n && strncmp(entry, names[i], n) == 0) return 1;
  for (int i = 0; prefixes[i]; i++)
    if (strncmp(entry, prefixes[i], strlen(prefixes[i])) == 0) return 1;
  return 0;
}

static int is_dir(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Whether the host has this directory: the box sees the host's root at /run/host. */
static int host_has_dir(const char *path) {
  if (!path || path[0] != '/') return 0;
  if (!is_dir("/run/host")) return is_dir(path);
  char host[PATH_MAX + 16];
  if (snprintf(host, sizeof host, "/run/host%s", path) >= (int)sizeof host) return 0;
  return is_dir(host);
}

static const char *working_directory(void) {
  static char cwd[PATH_MAX];
  if (getcwd(cwd, sizeof cwd) && host_has_dir(cwd)) return cwd;
  const char *home = getenv("HOME");
  if (host_has_dir(home)) return home;
  return "/";
}

/* ---- the terminal relay --------------------------------------------------------------- */

static int open_pty(int *master_out) {
  int master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (master < 0) return -1;
  char *name;
  if (grantpt(master) < 0 || unlockpt(master) < 0 || !(name = ptsname(master))) {
    close(master);
    return -1;
  }
  int slave = open(name, O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (slave < 0) {
    close(master);
    return -1;
  }
  struct termios t;
  if (tcgetattr(0, &t) == 0) tcsetattr(slave, TCSANOW, &t);
  struct winsize ws;
  if (ioctl(0, TIOCGWINSZ, &ws) == 0) ioctl(master, TIOCSWINSZ, &ws);
  *master_out = master;
  return slave;
}

static void raw_mode(void) {
  if (tcgetattr(0, &saved_tty) != 0) return;
  struct termios raw = saved_tty;
  cfmakeraw(&raw);
  if (tcsetattr(0, TCSANOW, &raw) == 0) tty_raw = 1; /* keeps what was typed ahead */
}

/* Copies what is there from one fd to another; returns 0 at end or error of the source. */
static int relay(int from, int to) {
  char b[16384];
  ssize_t r = read(from, b, sizeof b);
  if (r < 0 && (errno == EINTR || errno == EAGAIN)) return 1;
  if (r <= 0) return 0;
  for (ssize_t off = 0; off < r;) {
    ssize_t w = write(to, b + off, (size_t)(r - off));
    if (w < 0 && (errno == EINTR || errno == EAGAIN)) {
      struct pollfd p = {to, POLLOUT, 0};
      poll(&p, 1, -1);
      continue;
    }
    if (w <= 0) return 0;
    off += w;
  }
  return 1;
}

/* ---- main ----------------------------------------------------------------------------- */

static const char *base_name(const char *p) {
  const char *s = strrchr(p, '/');
  return s ? s + 1 : p;
}

static void usage(FILE *to) {
  fputs("Usage: host-exec [--] PROGRAM [ARG...]\n"
        "Runs PROGRAM on the host as you, with this terminal, in the same directory when the\n"
        "host has it (else your home), and exits as PROGRAM does.\n"
        "Needs the Flatpak session helper on the session bus (flatpak on the host).\n\n"
        "Examples:\n"
        "  host-exec podman ps\n"
        "  host-exec bash\n"
        "  host-exec flatpak run org.gnome.Calculator\n",
        to);
}

static void signal_host(int bus, uint32_t pid, uint32_t sig, int group) {
  struct buf body = {0}, m = {0};
  put_u32(&body, pid);
  put_u32(&body, sig);
  put_u32(&body, group ? 1 : 0);
  method_call(&m, NO_REPLY, "org.freedesktop.Flatpak", "/org/freedesktop/Flatpak/Development",
              "org.freedesktop.Flatpak.Development", "HostCommandSignal", "uub", &body, 0);
  write_all(bus, m.p, m.len);
  free(body.p);
  free(m.p);
}

static int exit_code(uint32_t status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return 1;
}

int main(int argc, char **argv) {
  /* A closed standard stream cannot be passed on, and the bus's socket must not take its number:
     the program gets /dev/null there instead. */
  for (int i = 0; i < 3; i++)
    if (fcntl(i, F_GETFD) < 0 && open("/dev/null", O_RDWR) != i) return 1;
  char **command = argv + 1;
  int count = argc - 1;
  const char *self = base_name(argv[0]);
  if (strcmp(self, "host-exec") != 0 && self[0]) {
    /* Called through a link: the host's program of the link's name, every argument as given. */
    command = argv;
    command[0] = (char *)self;
    count = argc;
  } else {
    if (count > 0 && (strcmp(command[0], "--help") == 0 || strcmp(command[0], "-h") == 0)) {
      usage(stdout);
      return 0;
    }
    if (count > 0 && strcmp(command[0], "--") == 0) {
      command++;
      count--;
    }
    if (count == 0 || command[0][0] == 0) {
      usage(stderr);
      return 2;
    }
  }

  const char *address = getenv("DBUS_SESSION_BUS_ADDRESS");
  char fallback[PATH_MAX];
  if (!address || !*address) {
    const char *runtime = getenv("XDG_RUNTIME_DIR");
    if (!runtime) fail(EXIT_NO_PORTAL, "%s: no session bus (DBUS_SESSION_BUS_ADDRESS is not set)",
                       NO_PORTAL);
    snprintf(fallback, sizeof fallback, "unix:path=%s/bus", runtime);
    address = fallback;
  }
  int bus = connect_bus(address);
  if (bus < 0)
    fail(EXIT_NO_PORTAL, "%s: the session bus at %s does not answer", NO_PORTAL, address);

  /* Signals are read from a descriptor so that none is lost before the program's pid is known. */
  sigset_t forwarded;
  sigemptyset(&forwarded);
  int list[] = {SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGTSTP, SIGCONT, SIGWINCH};
  for (size_t i = 0; i < sizeof list / sizeof list[0]; i++) sigaddset(&forwarded, list[i]);
  sigprocmask(SIG_BLOCK, &forwarded, NULL);
  int sigfd = signalfd(-1, &forwarded, SFD_CLOEXEC | SFD_NONBLOCK);

  /* Authentication, Hello and the signal's match rule in one write; the reply is read below. */
  struct buf out = {0};
  char auth[64];
  int n = snprintf(auth, sizeof auth, "%u", (unsigned)getuid());
  put_u8(&out, 0);
  put(&out, "AUTH EXTERNAL ", 14);
  for (int i = 0; i < n; i++) {
    char hex[3];
    snprintf(hex, sizeof hex, "%02x", (unsigned char)auth[i]);
    put(&out, hex, 2);
  }
  put(&out, "\r\nNEGOTIATE_UNIX_FD\r\nBEGIN\r\n", 28);
  struct buf m = {0};
  method_call(&m, 0, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
              "Hello", NULL, NULL, 0);
  struct buf rule = {0};
  put_string(&rule, "type='signal',sender='org.freedesktop.Flatpak',"
                    "path='/org/freedesktop/Flatpak/Development',"
                    "interface='org.freedesktop.Flatpak.Development',member='HostCommandExited'");
  method_call(&m, NO_REPLY, "org.freedesktop.DBus", "/org/freedesktop/DBus",
              "org.freedesktop.DBus", "AddMatch", "s", &rule, 0);
  put(&out, m.p, m.len);
  write_all(bus, out.p, out.len);
  finish_auth(bus);

  /* The program's standard streams: a terminal of its own when ours is one, else ours. */
  int master = -1, pty = -1;
  if (isatty(0) && isatty(1)) pty = open_pty(&master);
  int fds[3];
  for (int i = 0; i < 3; i++) fds[i] = pty >= 0 && isatty(i) ? pty : i;

  struct buf body = {0};
  put_bytestring(&body, working_directory());
  size_t start, at = array_begin(&body, 4, &start);
  for (int i = 0; i < count; i++) put_bytestring(&body, command[i]);
  array_end(&body, at, start);
  at = array_begin(&body, 8, &start);
  for (uint32_t i = 0; i < 3; i++) {
    align(&body, 8);
    put_u32(&body, i);
    put_u32(&body, i); /* index into the descriptors this message carries */
  }
  array_end(&body, at, start);
  at = array_begin(&body, 8, &start);
  for (char **e = environ; *e; e++) {
    char *eq = strchr(*e, '=');
    if (!eq || eq == *e || box_only(*e) || !utf8_valid(*e)) continue;
    align(&body, 8);
    *eq = 0;
    put_string(&body, *e);
    put_string(&body, eq + 1);
    *eq = '=';
  }
  array_end(&body, at, start);
  put_u32(&body, 2); /* FLATPAK_HOST_COMMAND_FLAGS_WATCH_BUS: gone with us */
  struct buf call = {0};
  uint32_t call_serial =
      method_call(&call, 0, "org.freedesktop.Flatpak", "/org/freedesktop/Flatpak/Development",
                  "org.freedesktop.Flatpak.Development", "HostCommand", "ayaaya{uh}a{ss}u", &body,
                  3);
  send_with_fds(bus, &call, fds, 3);
  if (pty >= 0) {
    close(pty);
    raw_mode();
  }

  uint32_t pid = 0;
  int have_pid = 0;
  /* Exits reported before the reply with the pid: kept until it comes. */
  uint32_t early_pid[16], early_status[16];
  int early = 0;
  int pending[64];
  int npending = 0;
  int stdin_open = master >= 0;

  for (;;) {
    /* Every complete message in the inbox. */
    size_t len;
    while ((len = message_length(inbox.p, inbox.len)) && len <= inbox.len) {
      struct msg msg;
      if (!parse_message(inbox.p, len, &msg)) fail(1, "malformed message from the session bus");
      if ((msg.type == RETURN || msg.type == ERROR) && msg.reply_serial == call_serial) {
        if (msg.type == ERROR) {
          const char *name = msg.error_name ? msg.error_name : "";
          const char *text = "";
          if (msg.signature && msg.signature[0] == 's' && msg.body_len >= 5)
            text = (const char *)msg.body + 4;
          if (strcmp(name, "org.freedesktop.DBus.Error.ServiceUnknown") == 0 ||
              strcmp(name, "org.freedesktop.DBus.Error.NameHasNoOwner") == 0 ||
              strcmp(name, "org.freedesktop.DBus.Error.UnknownMethod") == 0 ||
              strcmp(name, "org.freedesktop.DBus.Error.UnknownObject") == 0 ||
              strncmp(name, "org.freedesktop.DBus.Error.Spawn", 32) == 0)
            fail(EXIT_NO_PORTAL, "%s (%s)", NO_PORTAL, text);
          if (strcmp(name, "org.freedesktop.DBus.Error.FileNotFound") == 0)
            fail(127, "%s: not found on the host (%s)", command[0], text);
          if (strcmp(name, "org.freedesktop.DBus.Error.AccessDenied") == 0)
            fail(126, "%s: cannot be run on the host (%s)", command[0], text);
          fail(1, "the session helper could not start %s: %s", command[0], text);
        }
        if (msg.body_len < 4) fail(1, "malformed reply from the session helper");
        pid = get_u32(msg.body, msg.big_endian);
        have_pid = 1;
        for (int i = 0; i < npending; i++) signal_host(bus, pid, pending[i], pending[i] == SIGINT);
        npending = 0;
      } else if (msg.type == SIGNAL && msg.member && strcmp(msg.member, "HostCommandExited") == 0 &&
                 msg.iface && strcmp(msg.iface, "org.freedesktop.Flatpak.Development") == 0 &&
                 msg.body_len >= 8) {
        uint32_t p = get_u32(msg.body, msg.big_endian), st = get_u32(msg.body + 4,
                                                                     msg.big_endian);
        if (!have_pid && early < 16) {
          early_pid[early] = p;
          early_status[early++] = st;
        } else if (have_pid && p == pid) {
          if (master >= 0) {
            /* What the program wrote before it ended is still in the terminal's buffer. */
            fcntl(master, F_SETFL, O_NONBLOCK);
            while (relay(master, 1)) {
              struct pollfd pf = {master, POLLIN, 0};
              if (poll(&pf, 1, 0) <= 0) break;
            }
          }
          restore_tty();
          return exit_code(st);
        }
      }
      memmove(inbox.p, inbox.p + len, inbox.len - len);
      inbox.len -= len;
    }
    if (have_pid)
      for (int i = 0; i < early; i++)
        if (early_pid[i] == pid) {
          restore_tty();
          return exit_code(early_status[i]);
        }

    struct pollfd p[4] = {{bus, POLLIN, 0}, {sigfd, POLLIN, 0}, {-1, POLLIN, 0}, {-1, POLLIN, 0}};
    if (master >= 0) p[2].fd = master;
    if (stdin_open) p[3].fd = 0;
    if (poll(p, 4, -1) < 0 && errno != EINTR) fail(1, "poll: %s", strerror(errno));
    if (p[0].revents & (POLLIN | POLLHUP | POLLERR))
      if (!read_bus(bus)) fail(1, "the session bus closed the connection; the program may still run");
    if (p[1].revents & POLLIN) {
      struct signalfd_siginfo si;
      while (read(sigfd, &si, sizeof si) == sizeof si) {
        int sig = si.ssi_signo;
        if (sig == SIGWINCH) {
          struct winsize ws;
          if (master >= 0 && ioctl(0, TIOCGWINSZ, &ws) == 0) ioctl(master, TIOCSWINSZ, &ws);
          continue;
        }
        if (sig == SIGTSTP) {
          /* Stopped from the box's terminal: the program stops too, then this process. */
          if (have_pid) signal_host(bus, pid, SIGSTOP, 1);
          restore_tty();
          raise(SIGSTOP);
          continue;
        }
        if (sig == SIGCONT && master >= 0) raw_mode();
        if (have_pid)
          signal_host(bus, pid, sig, sig == SIGINT || sig == SIGCONT);
        else if (npending < 64)
          pending[npending++] = sig;
      }
    }
    if (p[2].revents & (POLLIN | POLLHUP | POLLERR))
      if (!relay(master, 1)) {
        /* Every holder of the program's terminal closed it; the exit signal is on its way. */
        close(master);
        master = -1;
        stdin_open = 0;
      }
    if (p[3].revents & (POLLIN | POLLHUP | POLLERR))
      if (!relay(0, master)) stdin_open = 0;
  }
}
