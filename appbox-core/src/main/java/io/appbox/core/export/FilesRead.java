package io.appbox.core.export;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Several files of a box read by one command: the export of an application reads its desktop file
 * and a handful of icons, and a command each costs more than the reading. The command prints one
 * block or more (find runs it once per batch of files): a record per file, its path, a NUL, the
 * number of its bytes the block holds (or {@code -} when it did not read the file) and a NUL; a NUL
 * that ends the records; then the bytes of the files read, in the records' order.
 *
 * @param paths every path the command named
 * @param contents what was read of each file it read, at most {@code limit} bytes
 * @param limit how many bytes the command read of each file at most
 */
record FilesRead(List<String> paths, Map<String, byte[]> contents, int limit) {
  /**
   * Reads the files named after its first two arguments ({@code $1}: bytes per file, {@code $2}:
   * bytes in all), naming without reading those the total has no room for. The sizes come from one
   * {@code stat} (one {@code wc} each where there is none) and the smaller files from one {@code
   * cat}: a process or three for all of them, where a process or two each cost most of the command.
   * A larger file gives its first {@code $1} bytes. The paths are arguments, never code; the
   * programs are named by absolute path.
   */
  static final String SCRIPT =
      """
      m=$1; t=$2; shift 2; n=$#; nl='
      '
      for f; do
        if [ -f "$f" ] && [ -r "$f" ]; then set -- "$@" "$f"; else printf '%s\\0-\\0' "$f"; fi
      done
      shift $n; n=$#
      s=$(/usr/bin/stat -L -c %s -- "$@" 2>/dev/null) \
        || s=$(for f; do z=$(/usr/bin/wc -c < "$f") && echo $z || echo -; done)
      p=0; r=$s
      for f; do
        z=${r%%"$nl"*}; r=${r#*"$nl"}
        case $z in
          '' | *[!0-9]*) printf '%s\\0-\\0' "$f" ;;
          *) if [ "$z" -ge "$m" ]; then
               if [ "$t" -ge "$m" ]; then
                 t=$((t - m)); p=$((p + 1)); set -- "$@" "$f"; printf '%s\\0%s\\0' "$f" "$m"
               else printf '%s\\0-\\0' "$f"; fi
             fi ;;
        esac
      done
      i=0; r=$s
      for f; do
        i=$((i + 1)); [ $i -le $n ] || break
        z=${r%%"$nl"*}; r=${r#*"$nl"}
        case $z in '' | *[!0-9]*) continue ;; esac
        [ "$z" -lt "$m" ] || continue
        if [ "$z" -le "$t" ]; then
          t=$((t - z)); set -- "$@" "$f"; printf '%s\\0%s\\0' "$f" "$z"
        else printf '%s\\0-\\0' "$f"; fi
      done
      shift $n; printf '\\0'
      while [ $p -gt 0 ]; do /usr/bin/head -c "$m" -- "$1"; shift; p=$((p - 1)); done
      [ $# -eq 0 ] || /bin/cat -- "$@"
      exit 0
      """;

  /**
   * The blocks of {@link #SCRIPT}'s output; empty when they do not add up (a file that changed
   * between the script's reading of its size and of its bytes), so that the caller reads each file
   * on its own.
   */
  static Optional<FilesRead> parse(byte[] out, int limit) {
    return parse(out, 0, limit);
  }

  /** The same, of the blocks from {@code start} to the end of {@code out}. */
  static Optional<FilesRead> parse(byte[] out, int start, int limit) {
    List<String> paths = new ArrayList<>();
    Map<String, byte[]> contents = new HashMap<>();
    int i = start;
    while (i < out.length) {
      i = block(out, i, limit, paths, contents);
      if (i < 0) {
        return Optional.empty();
      }
    }
    return Optional.of(new FilesRead(List.copyOf(paths), Map.copyOf(contents), limit));
  }

  /**
   * The one block that starts at {@code start}, and where it ends (the offset after its bytes);
   * empty when it does not add up.
   */
  static Optional<Map.Entry<FilesRead, Integer>> first(byte[] out, int start, int limit) {
    List<String> paths = new ArrayList<>();
    Map<String, byte[]> contents = new HashMap<>();
    int end = block(out, start, limit, paths, contents);
    return end < 0
        ? Optional.empty()
        : Optional.of(
            Map.entry(new FilesRead(List.copyOf(paths), Map.copyOf(contents), limit), end));
  }

  /** Reads one block into {@code paths} and {@code contents}; the offset after it, or -1. */
  private static int block(
      byte[] out, int start, int limit, List<String> paths, Map<String, byte[]> contents) {
    int i = start;
    List<String> read = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    while (true) {
      int pathEnd = nul(out, i);
      if (pathEnd < 0) {
        return -1;
      }
      if (pathEnd == i) {
        i++;
        break;
      }
      int countEnd = nul(out, pathEnd + 1);
      if (countEnd < 0) {
        return -1;
      }
      String path = new String(out, i, pathEnd - i, StandardCharsets.UTF_8);
      String count =
          new String(out, pathEnd + 1, countEnd - pathEnd - 1, StandardCharsets.US_ASCII);
      paths.add(path);
      i = countEnd + 1;
      if (count.equals("-")) {
        continue;
      }
      int n;
      try {
        n = Integer.parseInt(count);
      } catch (NumberFormatException e) {
        return -1;
      }
      if (n < 0 || n > limit) {
        return -1;
      }
      read.add(path);
      sizes.add(n);
    }
    for (int k = 0; k < read.size(); k++) {
      int n = sizes.get(k);
      if (n > out.length - i) {
        return -1;
      }
      contents.put(read.get(k), Arrays.copyOfRange(out, i, i + n));
      i += n;
    }
    return i;
  }

  /**
   * What {@code head -c maxBytes+1} of the file would give, when this read had enough of it: the
   * whole file, or at least that many bytes.
   */
  Optional<byte[]> read(String path, int maxBytes) {
    byte[] known = contents.get(path);
    if (known == null) {
      return Optional.empty();
    }
    boolean whole = known.length < limit;
    long wanted = maxBytes + 1L;
    if (known.length >= wanted) {
      return Optional.of(Arrays.copyOf(known, (int) wanted));
    }
    return whole ? Optional.of(known.clone()) : Optional.empty();
  }

  static int nul(byte[] out, int from) {
    for (int i = from; i < out.length; i++) {
      if (out[i] == 0) {
        return i;
      }
    }
    return -1;
  }
}
