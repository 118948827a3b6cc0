package io.appbox.cli;

import io.appbox.core.host.Host;
import io.appbox.core.host.HostUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The real host: this process's user, environment and files. */
final class SystemHost implements Host {
  private final Map<String, String> env;
  private HostUser user;

  SystemHost(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public synchronized HostUser user() {
    if (user == null) {
      user = readUser();
    }
    return user;
  }

  /** This process's effective user id, read once with the rest of {@link #user}. */
  int uid() {
    return user().uid();
  }

  @Override
  public Map<String, String> environment() {
    return env;
  }

  @Override
  public Path workingDirectory() {
    return Path.of("").toAbsolutePath();
  }

  @Override
  public boolean exists(Path path) {
    return Files.exists(path);
  }

  @Override
  public java.util.Optional<Path> hostExec() {
    return java.util.Optional.ofNullable(System.getProperty("appbox.home"))
        .map(h -> Path.of(h, "libexec", "host-exec").toAbsolutePath())
        .filter(Files::isExecutable);
  }

  private HostUser readUser() {
    int uid = idFromStatus("Uid:");
    int gid = idFromStatus("Gid:");
    String[] passwd = entry(Path.of("/etc/passwd"), 2, Integer.toString(uid));
    String name = passwd != null ? passwd[0] : env.getOrDefault("USER", "user");
    String homeVar = env.get("HOME");
    Path home =
        homeVar != null && homeVar.startsWith("/")
            ? Path.of(homeVar)
            : Path.of(passwd != null && passwd.length > 5 ? passwd[5] : "/");
    String shell =
        passwd != null && passwd.length > 6 && !passwd[6].isEmpty()
            ? passwd[6]
            : env.getOrDefault("SHELL", "/bin/sh");
    String[] group = entry(Path.of("/etc/group"), 2, Integer.toString(gid));
    return new HostUser(name, uid, gid, group != null ? group[0] : name, home, shell);
  }

  private static int idFromStatus(String key) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(key)) {
          // Real, effective, saved, filesystem: the effective id is the one that counts.
          return Integer.parseInt(line.substring(key.length()).trim().split("\\s+")[1]);
        }
      }
    } catch (IOException | RuntimeException e) {
      // fall through
    }
    throw new IllegalStateException(
        "cannot read this process's " + key + " from /proc/self/status");
  }

  private static String[] entry(Path file, int field, String value) {
    try {
      List<String> lines = Files.readAllLines(file);
      for (String line : lines) {
        String[] parts = line.split(":", -1);
        if (parts.length > field && parts[field].equals(value)) {
          return parts;
        }
      }
    } catch (IOException | RuntimeException e) {
      // No local entry (directory services): the environment has to do.
    }
    return null;
  }
}
