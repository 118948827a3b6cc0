package io.appbox.cli;

import io.appbox.core.AppboxException;
import io.appbox.core.engine.ContainerEngine;
import io.appbox.core.export.ExportStatus;
import io.appbox.core.exported.Export;
import io.appbox.core.pkg.TransactionJournal;
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
          + " one line per check, with a hint for each problem. --fix writes missing export files"
          + " (desktop entries, icons, command wrappers, launchers) again from the box, removes"
          + " exports whose box or program is gone, and forgets exports whose files were written"
          + " over."
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
      for (TransactionJournal.Transaction t : session.transactions().all()) {
        checks.add(transaction(session, t));
      }
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
      List<ExportStatus> removable = new ArrayList<>();
      Map<Export, String> outcome = new LinkedHashMap<>();
      for (ExportStatus s : broken) {
        if (held.contains(s)) {
          continue;
        }
        if (fix && s.state().equals(ExportStatus.FILES_MISSING)) {
          outcome.put(s.export(), recreate(session, s, removable));
        } else {
          removable.add(s);
        }
      }
      List<Export> removed = List.of();
      if (fix && !removable.isEmpty()) {
        removed = session.exportService().removeBroken(removable);
      }
      for (ExportStatus s : broken) {
        Export e = s.export();
        String name = "export " + kind(e) + " " + e.box() + "/" + e.name();
        if (held.contains(s)) {
          checks.add(
              new Check(
                  name,
                  false,
                  s.state() + ": a restore of the box was cut short; the export is kept",
                  "Finish the restore: appbox start " + e.box()));
        } else if (removed.contains(e)) {
          checks.add(new Check(name, true, s.state() + ", removed", ""));
        } else if (outcome.containsKey(e) && outcome.get(e).isEmpty()) {
          checks.add(new Check(name, true, s.state() + ", written again from the box", ""));
        } else if (outcome.containsKey(e)) {
          checks.add(new Check(name, false, s.state() + ": " + outcome.get(e), hint(s)));
        } else {
          checks.add(new Check(name, false, s.state(), hint(s)));
        }
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

  /**
   * Writes a files-missing export again; returns why it could not, or empty. One whose program is
   * gone too joins the exports to remove.
   */
  private static String recreate(Session session, ExportStatus s, List<ExportStatus> removable) {
    try {
      session.exportService().recreate(s.export());
      return "";
    } catch (AppboxException e) {
      if (e.code() == io.appbox.core.ErrorCode.EXPORT_NOT_FOUND) {
        removable.add(new ExportStatus(s.export(), ExportStatus.PROGRAM_GONE, List.of()));
        return "its program is gone too";
      }
      return "could not write it again: " + e.getMessage();
    }
  }

  /**
   * A package-manager transaction that began and did not end (Ctrl-C left work unfinished, a
   * crash): reported; with --fix finished (the profile's repair, then the health check) and its
   * installed packages exported.
   */
  private Check transaction(Session session, TransactionJournal.Transaction t) {
    String name = "transaction " + t.box();
    String what =
        "the " + t.action() + " of " + String.join(", ", t.packages()) + " begun " + t.started();
    if (session.engine().inspect(t.box()).isEmpty()) {
      if (fix) {
        session.transactions().end(t.box());
        return new Check(name, true, what + " did not end; its box is gone, forgotten", "");
      }
      return new Check(
          name,
          false,
          what + " did not end, and its box is gone",
          "Forget it: appbox doctor --fix");
    }
    if (!fix) {
      return new Check(
          name,
          false,
          what + " did not end; the package manager may have left work unfinished",
          "Finish it: appbox doctor --fix");
    }
    try {
      io.appbox.core.engine.ExecResult health =
          session.packages().repair(t.box(), io.appbox.core.Progress.NONE);
      if (!health.ok()) {
        return new Check(
            name,
            false,
            what
                + " did not end, and the box's package database is still inconsistent: "
                + (health.stderr().isBlank() ? health.stdout() : health.stderr()).strip(),
            "Look into it in the box: appbox enter " + t.box() + " --root");
      }
      java.util.Set<String> there = session.packages().versions(t.box()).keySet();
      List<String> done = t.packages().stream().filter(there::contains).toList();
      List<String> exported = new ArrayList<>();
      if (t.export() && !done.isEmpty()) {
        session.installs().exportApps(t.box(), done, io.appbox.core.Progress.NONE).stream()
            .filter(o -> o.export() != null)
            .forEach(o -> exported.add(o.export().name()));
      }
      session.transactions().end(t.box());
      return new Check(
          name,
          true,
          what
              + " did not end; finished"
              + (done.isEmpty() ? "" : ", " + String.join(", ", done) + " installed")
              + (exported.isEmpty() ? "" : ", " + String.join(", ", exported) + " exported"),
          "");
    } catch (AppboxException e) {
      return new Check(
          name, false, what + " did not end; finishing it failed: " + e.getMessage(), e.hint());
    }
  }

  /** The kind of export in the user's words: app, command, entry. */
  static String kind(Export e) {
    return switch (e.kind()) {
      case APP -> "app";
      case BIN -> "command";
      case ENTRY -> "entry";
    };
  }

  private static String hint(ExportStatus s) {
    Export e = s.export();
    return switch (s.state()) {
      case ExportStatus.FILES_MISSING -> "Write its files again from the box: appbox doctor --fix";
      case ExportStatus.FILES_OVERWRITTEN ->
          "Another export or you wrote over "
              + s.overwritten().get(0)
              + "; forget this export and leave the file alone: appbox doctor --fix";
      case ExportStatus.PROGRAM_GONE ->
          e.pkg().isEmpty()
              ? "Remove the export: appbox doctor --fix"
              : "Install "
                  + e.pkg()
                  + " again (appbox install --box "
                  + e.box()
                  + " "
                  + e.pkg()
                  + "), or remove the export: appbox doctor --fix";
      default -> "Remove the export: appbox doctor --fix";
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
