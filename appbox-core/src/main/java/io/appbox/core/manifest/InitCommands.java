package io.appbox.core.manifest;

import io.appbox.core.AppboxException;
import io.appbox.core.ErrorCode;
import io.appbox.core.Progress;
import io.appbox.core.Quote;
import io.appbox.core.engine.ContainerEngine;
import io.appbox.core.engine.ExecRequest;
import io.appbox.core.engine.ExecResult;
import java.util.List;
import java.util.Map;

/** A spec's init commands, run once as root in the box just made; the first that fails stops. */
final class InitCommands {
  private InitCommands() {}

  /**
   * @param hint what to do when one fails, in the words of where the commands came from
   */
  static void run(ContainerEngine engine, BoxSpec spec, Progress progress, String hint) {
    List<List<String>> init = spec.init();
    for (int i = 0; i < init.size(); i++) {
      List<String> argv = init.get(i);
      String shown = Quote.of(String.join(" ", argv), 120);
      progress.report("init", -1, "Running " + shown + " in " + spec.name());
      ExecResult r =
          engine.exec(
              spec.name(),
              ExecRequest.asRoot(argv, Map.of()),
              (stream, line) -> progress.report("init", -1, line));
      if (!r.ok()) {
        String output = r.stderr().isBlank() ? r.stdout() : r.stderr();
        List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
        String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
        throw new AppboxException(
            ErrorCode.FAILED,
            "Init command "
                + (i + 1)
                + " of box "
                + spec.name()
                + " ("
                + shown
                + ") failed with exit "
                + r.exitCode()
                + (tail.isEmpty() ? "." : ":\n" + tail),
            hint);
      }
    }
  }
}
