package io.appbox.core.export;

import io.appbox.core.AppboxException;
import io.appbox.core.ErrorCode;
import io.appbox.core.engine.ContainerEngine;
import io.appbox.core.engine.ContainerState;
import io.appbox.core.engine.ExecRequest;
import io.appbox.core.engine.ExecResult;
import io.appbox.core.engine.OutputListener;
import io.appbox.core.log.Log;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A running box's files, read through the engine's exec with fixed programs and the path as a plain
 * argument, as the box's user. The programs are named by absolute path ({@code /bin/sh} and its
 * built-in {@code test}, {@code /usr/bin/find}, {@code /usr/bin/head}), never looked up on the
 * box's {@code PATH}, where {@code /usr/local/bin} comes first; and they run with no more than the
 * box's own capabilities (NamespaceEntry), so a program the box's root replaced can do no more than
 * that root.
 */
public final class ExecBoxFiles implements BoxFiles {
  /**
   * A find over each icon directory for the files named $1 with an icon's extension; the name is a
   * find pattern argument, never code. What follows it says what to do with each file found.
   */
  private static final String FIND_ICON_FILES =
      "for d in /usr/share/icons /usr/local/share/icons /usr/share/pixmaps; do"
          + " [ -d \"$d\" ] && /usr/bin/find \"$d\" \\( -type f -o -type l \\) \\( -name \"$1.png\" -o"
          + " -name \"$1.svg\" -o -name \"$1.svgz\" -o -name \"$1.xpm\" \\)";

  /** The find, printing each path. */
  static final String FIND_ICONS = FIND_ICON_FILES + " 2>/dev/null; done; exit 0";

  /**
   * The same find, each file it finds read with it ({@link FilesRead#SCRIPT}, given as {@code $4}):
   * an application's icons cost one command in the box, not one each.
   */
  static final String FIND_AND_READ_ICONS =
      FIND_ICON_FILES
          + " -exec /bin/sh -c \"$4\" appbox-read \"$2\" \"$3\" {} + 2>/dev/null; done; exit 0";

  /** How much of each icon the find reads: a larger one is read on its own when chosen. */
  static final int ICON_BYTES = 256 << 10;

  /** How much of all icons the find reads at most (for each of find's batches of files). */
  static final int ICONS_BYTES = 8 << 20;

  /** How much {@link #readAhead} reads in all at most. */
  static final int AHEAD_BYTES = 16 << 20;

  /** The shell's built-in test: a regular file with the permission asked ($1) for the path ($2). */
  static final String TEST = "[ -f \"$2\" ] && [ \"$1\" \"$2\" ]";

  private final ContainerEngine engine;
  private final ContainerState box;
  private final String user;

  /**
   * What earlier commands read, which later reads of the same files take instead; commands that
   * read ahead may run side by side.
   */
  private final List<FilesRead> reads = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** What each find found: an export asks once, perhaps ahead ({@link #findAhead}). */
  private final Map<String, List<String>> found = new java.util.concurrent.ConcurrentHashMap<>();

  public ExecBoxFiles(ContainerEngine engine, ContainerState box, String user) {
    this.engine = engine;
    this.box = box;
    this.user = user;
  }

  @Override
  public List<String> find(String iconName) {
    List<String> known = found.get(iconName);
    if (known != null) {
      return known;
    }
    List<String> paths = findNow(iconName);
    found.put(iconName, paths);
    return paths;
  }

  @Override
  public void findAhead(String iconName) {
    find(iconName);
  }

  private List<String> findNow(String iconName) {
    ExecResult r =
        exec(
            List.of(
                "/bin/sh",
                "-c",
                FIND_AND_READ_ICONS,
                "appbox-find",
                iconName,
                Integer.toString(ICON_BYTES),
                Integer.toString(ICONS_BYTES),
                FilesRead.SCRIPT));
    Optional<FilesRead> found = FilesRead.parse(r.output(), ICON_BYTES);
    if (found.isPresent()) {
      reads.add(found.get());
      return foundIn(found.get());
    }
    // Records that do not add up (an icon changed while it was read): the plain find, and each
    // file read on its own.
    r = exec(List.of("/bin/sh", "-c", FIND_ICONS, "appbox-find", iconName));
    return r.stdout().lines().filter(l -> l.startsWith("/")).limit(1000).toList();
  }

  /**
   * A command, then in the same shell the read of a file ({@link #readAhead}) and the find of an
   * icon ({@link #findAhead}): the command's standard output, a NUL, its exit status, a NUL, the
   * file's block, the icons' blocks. Arguments: the file, its limit, the total, the icon's name,
   * the limits of each icon and of all, the read script; then the command.
   */
  static final String RUN_THEN_READ =
      "f=$1 m=$2 t=$3 i=$4 im=$5 it=$6 r=$7; shift 7\n"
          + "\"$@\"; s=$?\n"
          + "printf '\\0%s\\0' \"$s\"\n"
          + "/bin/sh -c \"$r\" appbox-read \"$m\" \"$t\" \"$f\"\n"
          + "set -- \"$i\" \"$im\" \"$it\" \"$r\"\n"
          + FIND_AND_READ_ICONS;

  /**
   * Runs {@code command} in the box as the box's user and, in the same shell after it, reads {@code
   * path} ahead (up to {@code maxBytes}) and finds and reads the icons named {@code iconName}: one
   * command where the three cost three side by side. Returns the command's exit status and output;
   * what the shell read is kept for the reads and the find that ask for it. When its output does
   * not add up (the command printed a NUL, a file changed while it was read), the command is run
   * again on its own and nothing is kept.
   */
  public ExecResult runThenRead(
      List<String> command,
      Map<String, String> environment,
      String path,
      int maxBytes,
      String iconName) {
    List<String> argv =
        new ArrayList<>(
            List.of(
                "/bin/sh",
                "-c",
                RUN_THEN_READ,
                "appbox-run-read",
                path,
                Integer.toString(maxBytes + 1),
                Integer.toString(AHEAD_BYTES),
                iconName,
                Integer.toString(ICON_BYTES),
                Integer.toString(ICONS_BYTES),
                FilesRead.SCRIPT));
    argv.addAll(command);
    ExecResult r = exec(argv, environment);
    byte[] out = r.output();
    int outputEnd = FilesRead.nul(out, 0);
    int statusEnd = outputEnd < 0 ? -1 : FilesRead.nul(out, outputEnd + 1);
    if (statusEnd > 0) {
      Optional<Map.Entry<FilesRead, Integer>> file =
          FilesRead.first(out, statusEnd + 1, maxBytes + 1);
      Optional<FilesRead> icons = file.flatMap(f -> FilesRead.parse(out, f.getValue(), ICON_BYTES));
      String status =
          new String(out, outputEnd + 1, statusEnd - outputEnd - 1, StandardCharsets.US_ASCII);
      if (icons.isPresent() && status.matches("[0-9]{1,3}")) {
        reads.add(file.get().getKey());
        reads.add(icons.get());
        found.put(iconName, foundIn(icons.get()));
        return new ExecResult(
            Integer.parseInt(status), Arrays.copyOfRange(out, 0, outputEnd), r.stderr());
      }
    }
    return exec(command, environment);
  }

  /** The icon files a find's read names. */
  private static List<String> foundIn(FilesRead read) {
    return read.paths().stream().filter(p -> p.startsWith("/")).limit(1000).toList();
  }

  @Override
  public void readAhead(Collection<String> paths, int maxBytes) {
    List<String> unread = paths.stream().filter(p -> known(p, maxBytes).isEmpty()).toList();
    if (unread.isEmpty()) {
      return;
    }
    List<String> argv =
        new ArrayList<>(
            List.of(
                "/bin/sh",
                "-c",
                FilesRead.SCRIPT,
                "appbox-read",
                Integer.toString(maxBytes + 1),
                Integer.toString(AHEAD_BYTES)));
    argv.addAll(unread);
    FilesRead.parse(exec(argv).output(), maxBytes + 1).ifPresent(reads::add);
  }

  /** What a command that read ahead read of {@code path}, when that was enough. */
  private Optional<byte[]> known(String path, int maxBytes) {
    for (FilesRead done : reads) {
      Optional<byte[]> known = done.read(path, maxBytes);
      if (known.isPresent()) {
        return known;
      }
    }
    return Optional.empty();
  }

  @Override
  public byte[] read(String path, int maxBytes) {
    Optional<byte[]> known = known(path, maxBytes);
    if (known.isPresent()) {
      return known.get();
    }
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
  public Optional<String> onPath(String program, List<String> dirs) {
    List<String> argv =
        new ArrayList<>(
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
        : Optional.empty();
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
    return exec(argv, Map.of());
  }

  private ExecResult exec(List<String> argv, Map<String, String> environment) {
    if (Log.debug()) {
      Log.debug("files", "box " + box.name() + " runs " + String.join(" ", argv));
    }
    ExecResult r =
        engine.exec(box.name(), new ExecRequest(argv, user, environment, "/"), OutputListener.NONE);
    if (Log.debug()) {
      Log.debug("files", "exit status " + r.exitCode() + ", " + r.output().length + " bytes");
    }
    return r;
  }
}
