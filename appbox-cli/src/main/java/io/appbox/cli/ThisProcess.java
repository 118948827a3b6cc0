package io.appbox.cli;

import io.appbox.core.AppboxException;
import io.appbox.core.ErrorCode;
import io.appbox.core.box.ProcessOwner;
import io.appbox.runtime.attach.BoxProcessCache;
import java.util.Optional;

/** This appbox process as the owner of a throwaway box, and whether an owner still lives. */
final class ThisProcess {
  private ThisProcess() {}

  static ProcessOwner owner() {
    long pid = ProcessHandle.current().pid();
    return startTicks(pid)
        .map(start -> new ProcessOwner(pid, start))
        .orElseThrow(
            () ->
                new AppboxException(
                    ErrorCode.FAILED,
                    "Cannot make a throwaway box: /proc/" + pid + "/stat cannot be read.",
                    "Run it where /proc is mounted, or make a box: appbox create NAME"));
  }

  static boolean alive(ProcessOwner owner) {
    return startTicks(owner.pid()).equals(Optional.of(owner.startTicks()));
  }

  private static Optional<Long> startTicks(long pid) {
    return BoxProcessCache.startTime(pid).map(Long::parseLong);
  }
}
