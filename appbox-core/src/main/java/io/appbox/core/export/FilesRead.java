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
 * and a handful of icons, and a command each costs more than the reading. The command prints, per
 * file, its path, a NUL, the number of bytes that follow (or {@code -} when it did not read the
 * file), a NUL, and the bytes.
 *
 * @param paths every path the command named, in its order
 * @param contents what was read of each file it read, at most {@code limit} bytes
 * @param limit how many bytes the command read of each file at most
 */
record FilesRead(List<String> paths, Map<String, byte[]> contents, int limit) {
  /**
   * Reads each file named after its first two arguments ({@code $1}: bytes per file, {@code $2}:
   * bytes in all), once the total is spent naming the rest without reading them. The paths are
   * arguments, never code; the programs are named by absolute path.
   */
  static final String SCRIPT =
      "m=$1; t=$2; shift 2; for f; do"
          + " if [ \"$t\" -gt 0 ] && [ -f \"$f\" ] && [ -r \"$f\" ]"
          + " && n=$(/usr/bin/head -c \"$m\" -- \"$f\" | /usr/bin/wc -c); then"
          + " t=$((t - n)); printf '%s\\0%s\\0' \"$f\" $n; /usr/bin/head -c $n -- \"$f\";"
          + " else printf '%s\\0-\\0' \"$f\"; fi; done; exit 0";

  /**
   * The records of {@link #SCRIPT}'s output; empty when they do not add up (a file that changed
   * between the command's two reads of it), so that the caller reads each file on its own.
   */
  static Optional<FilesRead> parse(byte[] out, int limit) {
    List<String> paths = new ArrayList<>();
    Map<String, byte[]> contents = new HashMap<>();
    int i = 0;
    while (i < out.length) {
      int pathEnd = nul(out, i);
      int countEnd = pathEnd < 0 ? -1 : nul(out, pathEnd + 1);
      if (countEnd < 0) {
        return Optional.empty();
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
        n = Integer.parseInt(count.strip());
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
      if (n < 0 || n > limit || n > out.length - i) {
        return Optional.empty();
      }
      contents.put(path, Arrays.copyOfRange(out, i, i + n));
      i += n;
    }
    return Optional.of(new FilesRead(List.copyOf(paths), Map.copyOf(contents), limit));
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

  private static int nul(byte[] out, int from) {
    for (int i = from; i < out.length; i++) {
      if (out[i] == 0) {
        return i;
      }
    }
    return -1;
  }
}
