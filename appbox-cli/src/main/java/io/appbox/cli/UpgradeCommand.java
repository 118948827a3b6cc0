package io.appbox.cli;

import io.appbox.cli.json.ExportJson;
import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ErrorCode;
import io.appbox.core.Progress;
import io.appbox.core.pkg.PackageChanges;
import io.appbox.core.upgrade.Snapshot;
import io.appbox.core.upgrade.UpgradeService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "upgrade",
    description = {
      "Upgrade the packages of a box, or of every box, transactionally: a snapshot first, then"
          + " the upgrade, the profile's health check and a check that the box's exports still"
          + " find their programs. On any failure the box is restored from the snapshot and the"
          + " command fails with exit code 6. Older snapshots are pruned (config: snapshots.keep).",
      "When the upgrade would remove packages, appbox says which and asks first (--yes agrees"
          + " beforehand; --json or a script needs it); their exports go with them."
    },
    footer = {
      "",
      "Examples:",
      "  appbox upgrade",
      "  appbox upgrade dev",
      "  appbox upgrade --box dev",
      "  appbox upgrade --all --json"
    })
final class UpgradeCommand extends BaseCommand implements LongOperation {
  @Mixin BoxArgument choice;

  @Option(names = "--all", description = "Every box.")
  boolean all;

  @Option(
      names = {"-y", "--yes"},
      description = "Let the upgrade remove packages without asking.")
  boolean yes;

  @Override
  int execute(Session session) {
    List<BoxName> boxes = AllBoxes.or(session, all, choice);
    Output out = session.output();
    Progress progress = out.longOperation();
    List<Map<String, Object>> upgraded = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    List<String> notAgreed = new ArrayList<>();
    for (BoxName box : boxes) {
      try (FinishBeforeExit guard = FinishBeforeExit.during(out, "the upgrade of " + box)) {
        Set<String> removals =
            new TreeSet<>(session.packages().plans().upgrade(box).orElse(Set.of()));
        RemovalConsent.ask(session, yes, "Upgrading " + box, removals);
        UpgradeService.Upgrade done = session.upgrades().upgrade(box, removals, progress);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("box", box.value());
        entry.put("snapshot", done.before().map(Snapshot::name).orElse(null));
        entry.put("changed", Changes.json(done.changes().changed()));
        entry.put("installed", List.copyOf(done.changes().added()));
        entry.put("removed", List.copyOf(done.removed()));
        entry.put("unexported", done.unexported().stream().map(ExportJson::of).toList());
        entry.put("nothingToUpgrade", done.before().isEmpty());
        upgraded.add(entry);
        done.unexported().forEach(e -> out.println("Unexported " + e.name()));
        done.removed().forEach(p -> out.println("Removed " + p + " from " + box));
        if (done.before().isEmpty()) {
          out.println("Nothing to upgrade in " + box + "; no snapshot kept.");
        } else {
          out.println(
              "Upgraded "
                  + box
                  + ": "
                  + Plural.of(done.changes().changed().size(), "package")
                  + " upgraded (snapshot before: "
                  + done.before().get().name()
                  + ")");
          for (PackageChanges.Changed c : done.changes().changed()) {
            out.println("  " + c.name() + " " + c.from() + " -> " + c.to());
          }
          done.changes().added().forEach(p -> out.println("  " + p + " (new)"));
        }
      } catch (AppboxException e) {
        if (boxes.size() == 1) {
          throw e;
        }
        out.warn(e.getMessage());
        (e.code() == ErrorCode.INVALID_INPUT ? notAgreed : failures)
            .add(box + ": " + e.getMessage());
      }
    }
    if (failures.isEmpty() && !notAgreed.isEmpty()) {
      throw AppboxException.invalid(
          Plural.of(notAgreed.size(), "box", "boxes")
              + " of "
              + boxes.size()
              + " not upgraded, because their upgrades would remove packages:\n"
              + String.join("\n", notAgreed),
          "The other boxes were upgraded. Agree with --yes: appbox "
              + session.commandLineWith("--yes"));
    }
    failures.addAll(notAgreed);
    if (!failures.isEmpty()) {
      throw new AppboxException(
          ErrorCode.PACKAGE_MANAGER_FAILED,
          failures.size()
              + " of "
              + boxes.size()
              + " boxes failed to upgrade and were restored:\n"
              + String.join("\n", failures),
          "The other boxes were upgraded. Fix the cause, then upgrade the failed ones again.");
    }
    out.result(Map.of("upgraded", upgraded), () -> {});
    return ExitCodes.OK;
  }
}
