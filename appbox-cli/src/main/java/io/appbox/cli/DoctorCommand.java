package io.appbox.cli;

import io.appbox.core.AppboxException;
import io.appbox.core.engine.ContainerEngine;
import io.appbox.core.export.Export;
import io.appbox.core.export.ExportStatus;
import io.appbox.core.upgrade.RestoreJournal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "doctor",
    description = {
      "Check the engine, subordinate ids, PATH, the fast way into boxes, and every export;"
          + " one line per check, with a hint for each problem. --fix removes exports whose box"
          + " or program is gone, and forgets exports whose files were written over."
    },
    footer = {
      "",
      "Examples:",
      "  appbox doctor",
      "  appbox doctor --fix",
      "  appbox doctor --json"
    })
final class DoctorCommand extends BaseCommand {
  @Option(names = "--fix", description = "Repair what can be repaired safely.")
  boolean fix;

  record Check(String name, boolean ok, String detail, String hint) {
    Map<String, Object> json() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("check", name);
      m.put("ok", ok);
      m.put("detail", detail);
      m.put("hint", hint);
      return m;
    }
  }

  @Override
  int execute(Session session) {
    List<Check> checks = new ArrayList<>();
    ContainerEngine engine = null;
    try {
      engine = session.engine();
      checks.add(
          new Check(
              "engine",
              true,
              engine.info().id()
                  + " "
                  + engine.info().version()
                  + " at "
                  + engine.info().endpoint(),
              ""));
    } catch (AppboxException e) {
      checks.add(new Check("engine", false, e.getMessage(), e.hint()));
    }
    int uid = session.host().uid();
    if (uid != 0) {
      String user = session.host().user().name();
      boolean subuid = hasEntry(Path.of("/etc/subuid"), user, uid);
      boolean subgid = hasEntry(Path.of("/etc/subgid"), user, uid);
      checks.add(
          new Check(
              "subordinate ids",
              subuid && subgid,
              subuid && subgid ? "/etc/subuid and /etc/subgid have " + user : "missing for " + user,
              "Rootless Podman needs them: sudo usermod --add-subuids 100000-165535"
                  + " --add-subgids 100000-165535 "
                  + user));
    }
    Path bin = session.dirs().binDir();
    boolean onPath =
        List.of(session.env().getOrDefault("PATH", "").split(":")).contains(bin.toString());
    checks.add(
        new Check(
            "PATH",
            onPath,
            onPath ? bin + " is on PATH" : bin + " is not on PATH",
            "Exported commands live there: add it to PATH in your shell's profile."));
    if (engine != null) {
      boolean fast = session.namespaces().allowed();
      checks.add(
          new Check(
              "fast entry",
              fast,
              fast
                  ? "run, enter and exported launchers join boxes directly (nsenter)"
                  : "boxes of this engine are entered through its exec, which is slower",
              "Rootless Podman gives you the fastest launches."));
      List<ExportStatus> statuses = session.exportService().list(Optional.empty());
      List<ExportStatus> broken =
          statuses.stream().filter(s -> !s.state().equals(ExportStatus.OK)).toList();
      // A box whose cut-short restore could not be recovered is set aside, not gone: its exports
      // come back with it.
      RestoreJournal restores = session.restore().journal();
      List<ExportStatus> held =
          broken.stream()
              .filter(
                  s -> s.state().equals(ExportStatus.BOX_GONE) && restores.has(s.export().box()))
              .toList();
      List<Export> fixed = List.of();
      if (fix && !broken.isEmpty()) {
        fixed =
            session
                .exportService()
                .removeBroken(broken.stream().filter(s -> !held.contains(s)).toList());
      }
      for (ExportStatus s : broken) {
        boolean removed = fixed.contains(s.export());
        checks.add(
            new Check(
                "export " + s.export().box() + "/" + s.export().name(),
                removed,
                held.contains(s)
                    ? s.state() + ": a restore of the box was cut short; the export is kept"
                    : removed ? s.state() + ", removed" : s.state(),
                held.contains(s)
                    ? "Run any appbox command on "
                        + s.export().box()
                        + " (appbox start "
                        + s.export().box()
                        + ") to finish the restore, and follow its message."
                    : hint(s)));
      }
      if (broken.isEmpty()) {
        checks.add(
            new Check(
                "exports",
                true,
                Plural.of(statuses.size(), "export")
                    + (statuses.size() == 1 ? ", working" : ", all working"),
                ""));
      }
    }
    Output out = session.output();
    boolean allOk = checks.stream().allMatch(Check::ok);
    out.result(
        Map.of("ok", allOk, "checks", checks.stream().map(Check::json).toList()),
        () -> {
          for (Check c : checks) {
            String mark = c.ok() ? "ok  " : "FAIL";
            if (out.color()) {
              mark = c.ok() ? "\u001b[32mok\u001b[0m  " : "\u001b[31mFAIL\u001b[0m";
            }
            out.println(mark + "  " + c.name() + ": " + Text.printable(c.detail()));
            if (!c.ok() && !c.hint().isEmpty()) {
              out.println("      hint: " + c.hint());
            }
          }
        });
    return allOk ? ExitCodes.OK : ExitCodes.FAILURE;
  }

  private static String hint(ExportStatus s) {
    return switch (s.state()) {
      case ExportStatus.FILES_MISSING -> "Export it again: appbox export --box " + s.export().box();
      case ExportStatus.FILES_OVERWRITTEN ->
          "Another export or you wrote over "
              + s.overwritten().get(0)
              + ". appbox doctor --fix forgets this export and leaves the file alone.";
      default -> "Remove it: appbox doctor --fix";
    };
  }

  private static boolean hasEntry(Path file, String user, int uid) {
    try {
      for (String line : Files.readAllLines(file)) {
        String name = line.split(":", 2)[0];
        if (name.equals(user) || name.equals(Integer.toString(uid))) {
          return true;
        }
      }
    } catch (Exception e) {
      return false;
    }
    return false;
  }
}
