package io.appbox.cli;

import io.appbox.core.BoxName;
import io.appbox.core.ImageRef;
import io.appbox.core.manifest.BoxSpec;
import io.appbox.core.pkg.PackageName;
import io.appbox.profiles.PresetLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(
    name = "presets",
    description = {
      "List your presets: $XDG_CONFIG_HOME/appbox/presets/NAME.yaml, each one box's section of a"
          + " manifest (distro, image, home, volumes, init, entry, packages, export), which"
          + " appbox create BOX --preset NAME makes a box as."
    },
    footer = {
      "",
      "A preset, ~/.config/appbox/presets/webdev.yaml:",
      "  distro: debian",
      "  packages: [nodejs, npm, git]",
      "  export:",
      "    bins: [/usr/bin/node]",
      "",
      "Examples:",
      "  appbox presets",
      "  appbox create web --preset webdev"
    })
final class PresetsCommand extends BaseCommand {
  /** The box name a preset is read for when it is only listed. */
  private static final BoxName LISTED = BoxName.of("preset");

  @Override
  int execute(Session session) {
    Path dir = session.dirs().appboxConfig().resolve("presets");
    Path home = session.dirs().home();
    List<Map<String, Object>> data = new ArrayList<>();
    Table table = new Table("NAME", "DISTRO", "PACKAGES");
    for (String name : PresetLoader.names(dir)) {
      BoxSpec spec = PresetLoader.load(dir, name, LISTED, home);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", name);
      m.put("file", dir.resolve(name + ".yaml").toString());
      m.put("distro", spec.distro().orElse(null));
      m.put("image", spec.image().map(ImageRef::toString).orElse(null));
      m.put("packages", spec.packages().stream().map(PackageName::bare).toList());
      m.put("apps", spec.apps());
      m.put("bins", spec.bins().stream().map(b -> b.path()).toList());
      data.add(m);
      table.row(
          name,
          spec.distro().orElse("(default)"),
          String.join(", ", spec.packages().stream().map(PackageName::bare).toList()));
    }
    Output out = session.output();
    out.result(
        data,
        () -> {
          if (data.isEmpty()) {
            out.println(
                "No presets yet. Write one to "
                    + dir.resolve("NAME.yaml")
                    + " (see appbox presets --help), then: appbox create BOX --preset NAME");
            return;
          }
          out.out().print(table.render(out.color()));
        });
    return ExitCodes.OK;
  }
}
