package io.appbox.cli;

import io.appbox.cli.json.ChangeJson;
import io.appbox.core.Progress;
import io.appbox.core.host.LockFile;
import io.appbox.core.manifest.ApplyOutcome;
import io.appbox.core.manifest.Change;
import io.appbox.core.manifest.CurrentState;
import io.appbox.core.manifest.Manifest;
import io.appbox.core.manifest.Plan;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "apply",
    description = {
      "Make the boxes, packages and exports what a manifest says: create the boxes that are"
          + " missing, install the packages they lack, export what it lists. With --prune, also"
          + " take away what an earlier apply made and the manifest no longer lists."
    },
    footer = {
      "",
      "Examples:",
      "  appbox apply -f boxes.yaml --dry-run",
      "  appbox apply -f boxes.yaml",
      "  appbox apply -f https://example.org/team/boxes.yaml --prune",
      "  appbox apply -f https://example.org/team/boxes.yaml --sha256 9f86d081884c7d65...",
      "  appbox apply -f http://intranet/boxes.yaml --insecure --sha256 9f86d081884c7d65..."
    })
final class ApplyCommand extends BaseCommand implements LongOperation {
  @Option(
      names = {"-f", "--file"},
      required = true,
      paramLabel = "FILE|URL",
      description = "The manifest: a file, an http(s) URL, or - for standard input.")
  String file;

  @Option(
      names = "--sha256",
      paramLabel = "HASH",
      description =
          "Apply the manifest only if its SHA-256 is HASH (as sha256sum prints it): a pin on the"
              + " manifest you checked.")
  String sha256;

  @Option(
      names = "--insecure",
      description =
          "Allow a plain http:// URL (config: insecure-manifests: true). Anyone on the way could"
              + " change the manifest; pin it with --sha256.")
  boolean insecure;

  @Option(names = "--dry-run", description = "Print the plan and change nothing.")
  boolean dryRun;

  @Option(
      names = "--prune",
      description =
          "Also remove the boxes, exports and packages an earlier apply made that the manifest no"
              + " longer lists.")
  boolean prune;

  @Override
  int execute(Session session) {
    Output out = session.output();
    Progress progress = out.longOperation();
    progress.report("read", -1, "Reading the manifest " + file);
    Path home = session.dirs().home();
    ManifestSource.Trust trust =
        new ManifestSource.Trust(
            insecure || session.config().insecureManifests(), Optional.ofNullable(sha256));
    Manifest manifest = ManifestSource.load(file, System.in, home, trust);
    Path lockFile = session.lockDir().resolve(session.engine().info().id() + "-apply.lock");
    Plan plan;
    List<Change> done;
    List<String> warnings;
    try (LockFile lock =
        LockFile.acquire(
            lockFile, () -> progress.report("wait", -1, "Waiting for another appbox apply"))) {
      CurrentState state = ManifestServices.reader(session).forManifest(manifest, progress);
      plan = ManifestServices.planner(session).plan(manifest, state, prune);
      if (dryRun) {
        done = plan.changes();
        warnings = plan.warnings();
      } else {
        ApplyOutcome outcome = ManifestServices.applier(session).apply(manifest, plan, progress);
        done = outcome.changes();
        warnings = outcome.warnings();
      }
    }
    warnings.forEach(out::warn);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("manifest", file);
    data.put("dryRun", dryRun);
    data.put("prune", prune);
    data.put("changes", done.stream().map(ChangeJson::of).toList());
    data.put("count", done.size());
    data.put("warnings", warnings);
    out.result(data, () -> print(out, done));
    return ExitCodes.OK;
  }

  private void print(Output out, List<Change> changes) {
    if (changes.isEmpty()) {
      out.println("0 changes: the boxes are as " + file + " says.");
      return;
    }
    if (dryRun) {
      out.println("Plan for " + file + " (dry run: nothing was changed):");
    }
    for (Change c : changes) {
      out.println("  " + (takesAway(c) ? "- " : "+ ") + c.describe());
    }
    String count = changes.size() + (changes.size() == 1 ? " change" : " changes");
    out.println(dryRun ? count + " to make; apply without --dry-run to make them." : count + ".");
  }

  private static boolean takesAway(Change c) {
    return c instanceof Change.RemoveBox
        || c instanceof Change.RemovePackages
        || c instanceof Change.Unexport;
  }
}
