package io.appbox.cli;

import io.appbox.cli.json.BoxJson;
import io.appbox.core.BoxName;
import io.appbox.core.ImageRef;
import io.appbox.core.box.Box;
import io.appbox.core.box.CreateBox;
import io.appbox.core.box.Volume;
import io.appbox.core.manifest.BoxFromSpec;
import io.appbox.core.manifest.BoxSpec;
import io.appbox.core.pkg.PackageName;
import io.appbox.profiles.PresetLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
      "  appbox create dev2 --clone dev",
      "  appbox create dev --packages git,vim --packages make",
      "  appbox create web --preset webdev",
      "  appbox create svc --init",
      "  appbox run --root svc -- systemctl enable --now nginx",
      "",
      "In the box, host-exec PROGRAM runs a program on the host, and xdg-open hands links and"
          + " files to the host's (not with --no-host-open).",
      "",
      "--clone copies a box's packages and files into the new box through an image of it"
          + " (localhost/appbox-clones:NEW), which is removed with the new box unless --keep-image."
          + " The new box has its own name, labels and home; the old box's exports are not copied:"
          + " export what you want from the new box.",
      "",
      "--packages installs packages in the same step and exports their applications; if that"
          + " fails, the half-made box is removed (exit 6 when the package manager failed)."
          + " --preset NAME makes the box as $XDG_CONFIG_HOME/appbox/presets/NAME.yaml says: one"
          + " box's section of a manifest (distro, image, home, volumes, init, entry, packages,"
          + " export); options given here win over the preset's, and --packages adds to its"
          + " packages. appbox presets lists them.",
      "",
      "--init makes systemd the box's first process, so that systemctl enable --now SERVICE"
          + " works in it and the service comes back after appbox stop and start. When the image"
          + " has no systemd, the profile's systemd packages are installed first, and the box is"
          + " made again from an image of itself (localhost/appbox-init:ID, removed with the"
          + " box). Not for alpine and void, which ship no systemd. Rootless Podman needs cgroup"
          + " v2 with the user's cgroups delegated; where it cannot boot systemd, create says so"
          + " (exit 4) and leaves nothing behind."
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
      names = "--packages",
      paramLabel = "PKG[,PKG...]",
      split = ",",
      description = "Install these packages in the box as it is made; repeatable.")
  List<String> packages = new ArrayList<>();

  @Option(
      names = "--preset",
      paramLabel = "NAME",
      description = "Make the box as the preset NAME says (appbox presets lists them).")
  String preset;

  @Option(
      names = "--no-host-open",
      description =
          "Keep the box's own xdg-open: links and files opened in the box do not open on the"
              + " host.")
  boolean noHostOpen;

  @Option(
      names = "--init",
      description =
          "Make systemd the box's first process, so that services (systemctl enable --now)"
              + " run in it.")
  boolean init;

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
            entry,
            !noHostOpen,
            init);
    Output out = session.output();
    if (keepImage && cloneOf == null) {
      throw io.appbox.core.AppboxException.invalid(
          "--keep-image keeps the image of a clone: it goes with --clone.",
          "Clone a box: appbox create " + box + " --clone BOX --keep-image");
    }
    if (cloneOf != null && (preset != null || !packages.isEmpty())) {
      throw io.appbox.core.AppboxException.invalid(
          "A clone has the packages of its box; --preset and --packages do not go with --clone.",
          "Clone first, then install: appbox install --box " + box + " PKG");
    }
    Box created;
    boolean withEntry = entry;
    List<String> warnings = new ArrayList<>();
    List<Map<String, Object>> exported = new ArrayList<>();
    if (cloneOf != null) {
      created =
          session.boxes().cloneOf(BoxName.of(cloneOf), request, keepImage, out.longOperation());
    } else if (preset != null || !packages.isEmpty()) {
      BoxSpec spec = spec(session, request);
      withEntry = spec.entry();
      BoxFromSpec.Made made =
          new BoxFromSpec(
                  session.engine(), session.boxes(), session.installs(), session.exportService())
              .create(spec, !noHostOpen, init, out.longOperation());
      created = made.box();
      warnings.addAll(made.warnings());
      exported.addAll(InstallCommand.exportsJson(made.allExports()));
    } else {
      created = session.boxes().create(request, out.longOperation());
    }
    if (withEntry) {
      session.exportService().exportTerminalEntry(box).warnings().forEach(out::warn);
    }
    warnings.forEach(out::warn);
    for (Map<String, Object> e : exported) {
      out.println("Exported " + e.get("name") + " from box " + box);
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
                    + (created.init() ? ", with systemd as its first process" : "")
                    + ". Enter it: appbox enter "
                    + created.name()));
    return ExitCodes.OK;
  }

  /** The box as the preset says, with what was given here over it, and --packages added. */
  private BoxSpec spec(Session session, CreateBox request) {
    BoxSpec base =
        preset == null
            ? BoxSpec.named(request.name())
            : PresetLoader.load(
                session.dirs().appboxConfig().resolve("presets"),
                preset,
                request.name(),
                session.dirs().home());
    List<PackageName> all = new ArrayList<>(base.packages());
    for (String p : packages) {
      PackageName name = PackageName.of(p.strip());
      if (!all.contains(name)) {
        all.add(name);
      }
    }
    return new BoxSpec(
        request.name(),
        request.distro().or(base::distro),
        request.image().or(base::image),
        request.home().or(base::home),
        request.volumes().isEmpty() ? base.volumes() : request.volumes(),
        base.init(),
        request.entry() || base.entry(),
        all,
        base.apps(),
        base.bins());
  }
}
