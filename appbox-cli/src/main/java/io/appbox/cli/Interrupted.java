package io.appbox.cli;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ErrorCode;
import io.appbox.core.Progress;
import io.appbox.core.engine.ExecResult;
import io.appbox.core.pkg.TransactionJournal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an interrupted install left, said once the package manager has ended: which packages got
 * installed (and are exported), and whether the box's package database is consistent. A box left
 * inconsistent keeps its transaction journal, which doctor reports and doctor --fix finishes.
 */
final class Interrupted {
  private Interrupted() {}

  static AppboxException install(
      Session session,
      BoxName box,
      List<String> packages,
      boolean export,
      TransactionJournal journal,
      AppboxException failure) {
    Set<String> there = session.packages().versions(box).keySet();
    List<String> done = packages.stream().filter(there::contains).toList();
    List<Map<String, Object>> exported =
        export && !done.isEmpty()
            ? InstallCommand.exportsJson(session.installs().exportApps(box, done, Progress.NONE))
            : List.of();
    ExecResult health = session.packages().healthCheck(box);
    StringBuilder said = new StringBuilder("Interrupted: ");
    said.append(
        done.isEmpty()
            ? "nothing was installed in box " + box
            : String.join(", ", done) + " got installed in box " + box);
    if (!exported.isEmpty()) {
      said.append(", and ")
          .append(String.join(", ", exported.stream().map(e -> (String) e.get("name")).toList()))
          .append(" exported");
    }
    said.append(". ");
    String hint;
    // A named package neither installed nor known to be absent may be half-configured.
    if (health.ok() && done.size() == packages.size()) {
      journal.end(box);
      said.append("Its package database is consistent.");
      hint = "";
    } else {
      said.append("The package manager may have left its work unfinished:\n")
          .append(failure.getMessage());
      hint = "Finish or undo it: appbox doctor --fix";
    }
    return new AppboxException(ErrorCode.FAILED, said.toString(), hint, failure);
  }
}
