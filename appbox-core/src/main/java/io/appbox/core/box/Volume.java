package io.appbox.core.box;

import io.appbox.core.AppboxException;
import io.appbox.core.Quote;
import java.nio.file.Path;
import java.util.List;

/**
 * A host directory or file shared into a box: {@code SRC:DST[:ro|rw]}.
 *
 * @param source absolute host path
 * @param target absolute path inside the box
 * @param readOnly whether the box may not write to it
 */
public record Volume(Path source, Path target, boolean readOnly) {
  private static final List<String> RESERVED =
      List.of("/", "/run/host", "/proc", "/sys", "/dev", "/etc", "/usr", "/bin", "/sbin", "/lib");

  public static Volume parse(String spec) {
    String hint = "Write it as SOURCE:TARGET or SOURCE:TARGET:ro, both absolute paths.";
    if (spec == null || spec.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw AppboxException.invalid("Volume " + Quote.of(spec) + " is not valid.", hint);
    }
    String[] parts = spec.split(":", -1);
    if (parts.length < 2 || parts.length > 3) {
      throw AppboxException.invalid("Volume " + Quote.of(spec) + " is not valid.", hint);
    }
    boolean readOnly = false;
    if (parts.length == 3) {
      switch (parts[2]) {
        case "ro" -> readOnly = true;
        case "rw" -> readOnly = false;
        default ->
            throw AppboxException.invalid(
                "Volume " + Quote.of(spec) + " has an unknown mode " + Quote.of(parts[2]) + ".",
                "The mode is ro or rw.");
      }
    }
    Path source = Path.of(parts[0]);
    Path target = Path.of(parts[1]);
    if (!source.isAbsolute() || !target.isAbsolute()) {
      throw AppboxException.invalid("Volume " + Quote.of(spec) + " is not valid.", hint);
    }
    Path normalTarget = target.normalize();
    for (String reserved : RESERVED) {
      if (normalTarget.equals(Path.of(reserved))) {
        throw AppboxException.invalid(
            "Volume target " + normalTarget + " would hide the box's own " + reserved + ".",
            "Mount it somewhere else, for example under /mnt.");
      }
    }
    return new Volume(source.normalize(), normalTarget, readOnly);
  }
}
