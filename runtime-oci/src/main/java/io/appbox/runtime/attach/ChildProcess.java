package io.appbox.runtime.attach;

import io.appbox.core.AppboxException;
import io.appbox.core.ErrorCode;
import java.io.IOException;

/** Starting a program on the host that works in a box, and waiting for it to end. */
final class ChildProcess {
  private ChildProcess() {}

  static Process start(ProcessBuilder pb) {
    try {
      Process p = pb.start();
      CommandsInBoxes.RUNNING.add(p);
      return p;
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
        int code = p.waitFor();
        CommandsInBoxes.RUNNING.remove(p);
        return code;
      } catch (InterruptedException e) {
        // keep waiting
      }
    }
  }
}
