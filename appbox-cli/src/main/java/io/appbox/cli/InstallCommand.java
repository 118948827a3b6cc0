package io.appbox.cli;

import io.appbox.cli.json.BoxJson;
import io.appbox.cli.json.ExportJson;
import io.appbox.cli.json.InstalledPackageJson;
import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.Meanwhile;
import io.appbox.core.Progress;
import io.appbox.core.export.ExportOutcome;
import io.appbox.core.host.LockFile;
import io.appbox.core.install.InstallService;
import io.appbox.core.pkg.InstallCheck;
import io.appbox.core.pkg.InstalledPackage;
import io.appbox.core.pkg.PackageName;
import io.appbox.core.pkg.PackageService;
import io.appbox.core.pkg.TransactionJournal;
import io.appbox.runtime.attach.CommandsInBoxes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "install",
    description = {
      "Install packages in a box with its own package manager, and export the desktop"
          + " applications they bring to your menu. A missing box named after the distro is"
          + " created first."
    },
    footer = {
      "",
      "Examples:",
      "  appbox install htop",
      "  appbox install --box dev git make",
      "  appbox install --distro debian --no-export gimp"
    })
final class InstallCommand extends BaseCommand implements LongOperation {
  static final class Where {
    @Option(names = "--box", paramLabel = "BOX", description = "The box.")
    String box;

    @Option(
        names = "--distro",
        paramLabel = "DISTRO",
        description = "The box named after this distro, created when missing.")
    String distro;
  }

  @ArgGroup(exclusive = true)
  Where where = new Where();

  @Option(names = "--no-export", description = "Do not export the packages' applications.")
  boolean noExport;

  @Parameters(arity = "1..*", paramLabel = "PKG", description = "Packages to install.")
  List<String> packages;

  @Override
  int execute(Session session) {
    List<PackageName> names = packages.stream().map(PackageName::of).toList();
    BoxChoice choice = new BoxChoice();
    choice.box = where.box;
    Output out = session.output();
    Progress progress = out.longOperation();
    BoxName box = choice.createdIfMissing(session, Optional.ofNullable(where.distro), progress);
    List<String> bare = names.stream().map(PackageName::bare).toList();
    TransactionJournal journal = session.transactions();
    PackageService packageService = session.packages();
    InstallService.Installed result;
    String what = "the install of " + String.join(", ", bare) + " in " + box;
    // The box is asked what it has on a second core while the transaction is recorded.
    try (LockFile lock = packageService.lock(box, progress);
        Meanwhile<InstallCheck> checked = packageService.check(box, names)) {
      journal.begin(
          new TransactionJournal.Transaction(
              box, "install", bare, !noExport, java.time.Instant.now()));
      try (FinishBeforeExit guard =
          FinishBeforeExit.transaction(out, what, CommandsInBoxes::stop)) {
        try {
          result = session.installs().installLocked(box, names, checked, !noExport, progress);
        } catch (AppboxException e) {
          if (!guard.interrupted()) {
            journal.end(box);
            throw e;
          }
          throw Interrupted.install(session, box, bare, !noExport, journal, e);
        }
        journal.end(box);
      }
    }
    List<InstalledPackage> installed = result.packages();
    List<Map<String, Object>> exported = exportsJson(result.exports());
    List<String> warnings = result.warnings();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("box", box.value());
    data.put("createdBox", choice.created == null ? null : BoxJson.of(choice.created));
    data.put("installed", installed.stream().map(InstalledPackageJson::of).toList());
    data.put("exported", exported);
    data.put("warnings", warnings);
    warnings.forEach(out::warn);
    out.result(
        data,
        () -> {
          if (choice.created != null) {
            out.println(
                "Created box "
                    + box
                    + " ("
                    + choice.created.distro()
                    + ") on "
                    + session.engine().info().describe()
                    + " for "
                    + choice.created.user()
                    + " to install into. Enter it: appbox enter "
                    + box);
          }
          for (InstalledPackage p : installed) {
            out.println(
                p.already()
                    ? p.name() + " is already installed in box " + box + " (" + p.version() + ")"
                    : "Installed " + p.name() + " " + p.version() + " in " + box);
          }
          for (Map<String, Object> e : exported) {
            out.println("Exported " + e.get("name") + " to your menu");
          }
        });
    return ExitCodes.OK;
  }

  /** The exports made, as JSON. */
  static List<Map<String, Object>> exportsJson(List<ExportOutcome> outcomes) {
    return outcomes.stream()
        .filter(o -> o.export() != null)
        .map(o -> ExportJson.of(o.export()))
        .toList();
  }
}
