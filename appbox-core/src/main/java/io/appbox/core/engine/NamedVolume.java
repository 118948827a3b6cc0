package io.appbox.core.engine;

import io.appbox.core.AppboxException;
import io.appbox.core.Quote;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A volume of the engine mounted in a box: in appbox's boxes, the anonymous volumes an image's
 * {@code VOLUME} gives them. Like the home, such a volume is not part of a snapshot, so a restore
 * carries it into the restored box rather than leaving the data behind.
 *
 * @param name the engine's name for the volume (a hash for an anonymous one)
 * @param target where it is mounted in the box
 * @param readOnly whether it is mounted read-only
 */
public record NamedVolume(String name, Path target, boolean readOnly) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,254}");

  public NamedVolume {
    String t = target.toString();
    if (name == null
        || !NAME.matcher(name).matches()
        || !target.isAbsolute()
        || t.indexOf(':') >= 0
        || t.indexOf(',') >= 0
        || t.chars().anyMatch(c -> c < 0x20)) {
      throw AppboxException.invalid(
          "Volume " + Quote.of(name) + " at " + Quote.of(t) + " cannot be mounted in a box.",
          "A volume has a plain name and an absolute target without ':' or ','.");
    }
  }
}
