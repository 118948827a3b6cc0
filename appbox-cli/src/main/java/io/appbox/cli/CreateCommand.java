package io.appbox.cli;

import io.appbox.cli.json.BoxJson;
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
      "  appbox create dev2 --clone dev",
      "",
      "--clone copies a box's packages and files into the new box through an image of it"
          + " (localhost/appbox-clones:NEW), which is removed with the new box unless --keep-image."
          + " The new box has its own name, labels and home; the old box's exports are not copied:"
          + " export what you want from the new box."
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
      names = "--clone",
      paramLabel = "BOX",
      description = "Make the box a copy of BOX: its packages and files, not its exports.")
  String cloneOf;

  @Option(
      names = "--keep-image",
      description = "With --clone: keep the image the clone was made from after the clone is gone.")
  boolean keepImage;

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
            entry);
    Output out = session.output();
    if (keepImage && cloneOf == null) {
      throw io.appbox.core.AppboxException.invalid(
          "--keep-image keeps the image of a clone: it goes with --clone.",
          "Clone a box: appbox create " + box + " --clone BOX --keep-image");
    }
    Box created =
        cloneOf == null
            ? session.boxes().create(request, out.longOperation())
            : session.boxes().cloneOf(BoxName.of(cloneOf), request, keepImage, out.longOperation());
    if (entry) {
      session.exportService().exportTerminalEntry(box).warnings().forEach(out::warn);
    }
    out.result(
        BoxJson.of(created),
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
                    + (cloneOf == null
                        ? ""
                        : ", a copy of box " + cloneOf + " (its exports are not copied)")
                    + ". Enter it: appbox enter "
                    + created.name()));
    return ExitCodes.OK;
  }
}
