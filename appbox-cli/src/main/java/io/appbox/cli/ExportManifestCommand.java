package io.appbox.cli;

import io.appbox.cli.json.ManifestJson;
import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ErrorCode;
import io.appbox.core.Progress;
import io.appbox.core.host.AtomicFile;
import io.appbox.core.manifest.CurrentManifest;
import io.appbox.core.manifest.CurrentState;
import io.appbox.core.manifest.Manifest;
import io.appbox.profiles.ManifestWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "export-manifest",
    description = {
      "Write the manifest that reproduces the boxes and their exports: apply it on another"
          + " machine, or on this one after a reinstall. Packages are those an apply installed and"
          + " those an export came from."
    },
    footer = {
      "",
      "Examples:",
      "  appbox export-manifest > boxes.yaml",
      "  appbox export-manifest -o ~/boxes.yaml dev"
    })
final class ExportManifestCommand extends BaseCommand {
  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the manifest to FILE (replaced atomically) instead of standard output.")
  String output;

  @Parameters(arity = "0..*", paramLabel = "BOX", description = "Only these boxes (default: all).")
  List<String> names = new ArrayList<>();

  @Option(names = "--box", paramLabel = "BOX", description = "A box, named as an option.")
  List<String> optionBoxes = new ArrayList<>();

  @Override
  int execute(Session session) {
    Optional<Collection<BoxName>> only = Optional.empty();
    names.addAll(optionBoxes);
    if (!names.isEmpty()) {
      List<BoxName> boxes = names.stream().map(BoxName::of).toList();
      boxes.forEach(b -> session.boxes().require(b));
      only = Optional.of(boxes);
    }
    Path home = session.dirs().home();
    CurrentState state = ManifestServices.reader(session).forBoxes(only, Progress.NONE);
    Manifest manifest = CurrentManifest.of(state, session.profiles());
    String yaml = ManifestWriter.write(manifest, home);
    Path file = output == null || output.equals("-") ? null : Path.of(output).toAbsolutePath();
    if (file != null) {
      try {
        AtomicFile.write(file, yaml.getBytes(StandardCharsets.UTF_8), "rw-r--r--");
      } catch (IOException e) {
        throw new AppboxException(
            ErrorCode.FAILED,
            "Could not write " + file + ": " + e.getMessage(),
            "Check that its directory exists and is writable.",
            e);
      }
    }
    Output out = session.output();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("file", file == null ? null : file.toString());
    data.put("manifest", ManifestJson.of(manifest));
    data.put("yaml", yaml);
    int count = manifest.boxes().size();
    out.result(
        data,
        () -> {
          if (file == null) {
            out.out().print(yaml);
          } else {
            out.println(
                "Wrote the manifest of "
                    + count
                    + (count == 1 ? " box" : " boxes")
                    + " to "
                    + file
                    + ". Apply it with: appbox apply -f "
                    + file);
          }
        });
    return ExitCodes.OK;
  }
}
