package io.appbox.cli;

import io.appbox.core.BoxName;
import io.appbox.core.ImageRef;
import io.appbox.core.box.Box;
import io.appbox.core.box.CreateBox;
import io.appbox.core.box.Volume;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "create",
    description = "Create a box and start it. It is ready when this returns.",
    footer = {
      "",
      "Examples:",
      "  appbox create dev",
      "  appbox create web --distro debian --volume /srv/data:/data:ro",
      "  appbox create sandbox --home ~/sandbox-home",
      "  appbox create offline --no-host-open",
      "",
      "In the box, host-exec PROGRAM runs a program on the host, and xdg-open hands links and"
          + " files to the host's (not with --no-host-open)."
    })
final class CreateCommand extends BaseCommand implements LongOperation {
  @Mixin BoxArgument name;

  @Option(
      names = "--distro",
      paramLabel = "DISTRO",
      description = "Distro profile (default: debian).")
  String distro;

  @Option(names = "--image", paramLabel = "REF", description = "Image instead of the profile's.")
  String image;

  @Option(
      names = "--home",
      paramLabel = "DIR",
      description = "Host directory to be the box's home instead of yours.")
  String home;

  @Option(
      names = "--volume",
      paramLabel = "SRC:DST[:ro]",
      description = "Share a host path with the box; repeatable.")
  List<String> volumes = new ArrayList<>();

  @Option(names = "--entry", description = "Add a menu entry that opens a terminal in the box.")
  boolean entry;

  @Option(
      names = "--no-host-open",
      description =
          "Keep the box's own xdg-open: links and files opened in the box do not open on the"
              + " host.")
  boolean noHostOpen;

  @Override
  int execute(Session session) {
    BoxName box = name.required("create");
    List<Volume> parsed = new ArrayList<>();
    for (String v : volumes) {
      parsed.add(Volume.parse(v));
    }
    CreateBox request =
        new CreateBox(
            box,
            Optional.ofNullable(distro),
            Optional.ofNullable(image).map(ImageRef::parse),
            Optional.ofNullable(home).map(h -> Path.of(h).toAbsolutePath().normalize()),
            parsed,
            entry,
            !noHostOpen);
    Output out = session.output();
    Box created = session.boxes().create(request, out.longOperation());
    if (entry) {
      session.exportService().exportTerminalEntry(box).warnings().forEach(out::warn);
    }
    out.result(
        created,
        () ->
            out.println(
                "Created box "
                    + created.name()
                    + " ("
                    + created.distro()
                    + ", "
                    + created.image()
                    + ") on "
                    + session.engine().info().describe()
                    + " for "
                    + created.user()
                    + ". Enter it: appbox enter "
                    + created.name()));
    return ExitCodes.OK;
  }
}
