package io.appbox.runtime.attach;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The capability bounding set of a box's process ({@code CapBnd} in {@code /proc/PID/status}): what
 * the engine gave the container, read where the kernel keeps it rather than from the engine's
 * inspect (Docker's tells only what was added and dropped). A box can only narrow it.
 */
final class BoxCapabilities {
  static final int CAP_SYS_CHROOT = 18;

  private BoxCapabilities() {}

  static Optional<BigInteger> boundingSet(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("CapBnd:")) {
          return Optional.of(new BigInteger(line.substring("CapBnd:".length()).strip(), 16));
        }
      }
    } catch (IOException | RuntimeException e) {
      // gone, or not the user's to read
    }
    return Optional.empty();
  }

  static boolean canChroot(long pid) {
    return boundingSet(pid).map(set -> set.testBit(CAP_SYS_CHROOT)).orElse(false);
  }
}
