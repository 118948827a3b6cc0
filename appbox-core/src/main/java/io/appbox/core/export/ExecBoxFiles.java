package io.appbox.core.export;

import io.appbox.core.AppboxException;
import io.appbox.core.ErrorCode;
import io.appbox.core.engine.ContainerEngine;
import io.appbox.core.engine.ContainerState;
import io.appbox.core.engine.ExecRequest;
import io.appbox.core.engine.ExecResult;
import io.appbox.core.engine.OutputListener;
import java.util.List;
import java.util.Map;

/**
 * A running box's files, read through the engine's exec with fixed programs and the path as a plain
 * argument, as the box's user. The programs are named by absolute path ({@code /bin/sh} and its
 * built-in {@code test}, {@code /usr/bin/find}, {@code /usr/bin/head}), never looked up on the
 * box's {@code PATH}, where {@code /usr/local/bin} comes first; and they run with no more than the
 * box's own capabilities (NamespaceEntry), so a program the box's root replaced can do no more than
 * that root.
 */
public final class ExecBoxFiles implements BoxFiles {
  /** One find over the icon directories; the name is a find pattern argument, never code. */
  static final String FIND_ICONS =
      "for d in /usr/share/icons /usr/local/share/icons /usr/share/pixmaps; do"
          + " [ -d \"$d\" ] && /usr/bin/find \"$d\" \\( -type f -o -type l \\) \\( -name \"$1.png\" -o"
          + " -name \"$1.svg\" -o -name \"$1.svgz\" -o -name \"$1.xpm\" \\) 2>/dev/null;"
          + " done; exit 0";

  /** The shell's built-in test: a regular file with the permission asked ($1) for the path ($2). */
  static final String TEST = "[ -f \"$2\" ] && [ \"$1\" \"$2\" ]";

  private final ContainerEngine engine;
  private final ContainerState box;
  private final String user;

  public ExecBoxFiles(ContainerEngine engine, ContainerState box, String user) {
    this.engine = engine;
    this.box = box;
    this.user = user;
  }

  @Override
  public List<String> find(String iconName) {
    ExecResult r = exec(List.of("/bin/sh", "-c", FIND_ICONS, "appbox-find", iconName));
    return r.stdout().lines().filter(l -> l.startsWith("/")).limit(1000).toList();
  }

  @Override
  public byte[] read(String path, int maxBytes) {
    ExecResult r = exec(List.of("/usr/bin/head", "-c", Integer.toString(maxBytes + 1), "--", path));
    if (!r.ok()) {
      throw new AppboxException(
          ErrorCode.FAILED,
          "Could not read " + path + " in box " + box.name() + ": " + r.stderr().strip(),
          "Check that the file exists in the box.");
    }
    return r.output();
  }

  @Override
  public boolean isExecutable(String path) {
    return exec(List.of("/bin/sh", "-c", TEST, "appbox-test", "-x", path)).ok();
  }

  /** One shell in the box walks the directories; the name and directories are arguments. */
  @Override
  public java.util.Optional<String> onPath(String program, List<String> dirs) {
    List<String> argv =
        new java.util.ArrayList<>(
            List.of(
                "/bin/sh",
                "-c",
                "p=$1; shift; for d; do [ -f \"$d/$p\" ] && [ -x \"$d/$p\" ]"
                    + " && { printf '%s\\n' \"$d/$p\"; exit 0; }; done; exit 1",
                "appbox-which",
                program));
    argv.addAll(dirs);
    ExecResult r = exec(argv);
    return r.ok()
        ? r.stdout().lines().filter(l -> l.startsWith("/")).findFirst()
        : java.util.Optional.empty();
  }

  @Override
  public boolean isDirectory(String path) {
    return exec(List.of("test", "-d", path)).ok();
  }

  @Override
  public boolean isReadableFile(String path) {
    return exec(List.of("/bin/sh", "-c", TEST, "appbox-test", "-r", path)).ok();
  }

  private ExecResult exec(List<String> argv) {
    return engine.exec(box.name(), new ExecRequest(argv, user, Map.of(), "/"), OutputListener.NONE);
  }
}
