package io.appbox.runtime.attach;

import io.appbox.core.AppboxException;
import io.appbox.core.ErrorCode;
import java.io.IOException;

/** Starting a program on the host that works in a box, and waiting for it to end. */
final class ChildProcess {
  private ChildProcess() {}

  static Process start(ProcessBuilder pb) {
    try {
      return pb.start();
    } catch (IOException e) {
      throw new AppboxException(
          ErrorCode.FAILED,
          "Could not start " + pb.command().get(0) + ": " + e.getMessage(),
          "Check that it is installed.",
          e);
    }
  }

  /**
   * Its exit code. An interrupt does not end the wait: the child has the terminal or is changing
   * the box, and how it ends is the result.
   */
  static int waitFor(Process p) {
    while (true) {
      try {
        return p.waitFor();
      } catch (InterruptedException e) {
        // keep waiting
      }
    }
  }
}
