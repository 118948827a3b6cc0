package io.appbox.core.manifest;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ImageRef;
import io.appbox.core.Quote;
import io.appbox.core.box.Volume;
import io.appbox.core.engine.Mount;
import io.appbox.core.host.HostUser;
import io.appbox.core.pkg.PackageName;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One box as a manifest describes it. What only matters when the box is made (distro, image, home,
 * volumes, init) is used when apply creates it; packages and exports are converged on every apply.
 *
 * @param name the box's name
 * @param distro its profile, or empty for the configured default
 * @param image an image instead of the profile's
 * @param home a host directory to be the box's home instead of the user's
 * @param volumes more host paths to share
 * @param init commands run once as root after the box is created, each an argument array
 * @param entry whether the box has a menu entry that opens a terminal in it
 * @param packages packages to install
 * @param apps desktop-file ids of applications to export
 * @param bins executables to export as commands
 */
public record BoxSpec(
    BoxName name,
    Optional<String> distro,
    Optional<ImageRef> image,
    Optional<Path> home,
    List<Volume> volumes,
    List<List<String>> init,
    boolean entry,
    List<PackageName> packages,
    List<String> apps,
    List<BinExport> bins) {

  /** The desktop-file ids {@code appbox export --app} accepts. */
  private static final Pattern DESKTOP_ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.+-]{0,159}");

  public BoxSpec {
    volumes = List.copyOf(volumes);
    init = init.stream().map(BoxSpec::initCommand).toList();
    packages = List.copyOf(packages);
    apps = apps.stream().map(BoxSpec::desktopId).toList();
    bins = List.copyOf(bins);
  }

  /** A box with nothing but its name. */
  public static BoxSpec named(BoxName name) {
    return new BoxSpec(
        name,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        List.of(),
        false,
        List.of(),
        List.of(),
        List.of());
  }

  /** An application's desktop-file id, checked as {@code appbox export --app} checks it. */
  public static String desktopId(String id) {
    if (id == null || !DESKTOP_ID.matcher(id).matches()) {
      throw AppboxException.invalid(
          "Desktop-file id " + Quote.of(id) + " is not valid.",
          "Give the id as the file is named, without .desktop, such as htop.");
    }
    return id;
  }

  /** An init command: a program and its arguments, run without a shell. */
  public static List<String> initCommand(List<String> argv) {
    if (argv.isEmpty()) {
      throw AppboxException.invalid(
          "An init command is empty.",
          "Write the program and its arguments, such as [sh, -c, ...].");
    }
    String program = argv.get(0);
    if (program.isBlank() || program.startsWith("-")) {
      throw AppboxException.invalid(
          "Init command program " + Quote.of(program) + " is not a program.",
          "Start the command with the program to run, such as sh or /usr/bin/env.");
    }
    for (String arg : argv) {
      if (arg.indexOf('\0') >= 0) {
        throw AppboxException.invalid(
            "An init command argument holds a NUL character.",
            "A NUL character cannot be passed to a program.");
      }
    }
    return List.copyOf(argv);
  }

  /** A box's home directory as a manifest gives it: absolute or in the user's home. */
  public static Path home(String text, Path userHome) {
    Path home = hostPath(text, userHome);
    if (!HostUser.isSafeHome(home)) {
      throw AppboxException.invalid(
          "Home directory " + Quote.of(home.toString()) + " cannot be a box's home.",
          "Use an absolute path of letters, digits and / . _ + @ -.");
    }
    return home;
  }

  /**
   * A volume as a manifest gives it, {@code SOURCE:TARGET[:ro|rw]}, whose source may be in the
   * user's home ({@code ~/data:/data}).
   */
  public static Volume volume(String spec, Path userHome) {
    String expanded = spec;
    if (spec != null && spec.startsWith("~")) {
      int colon = spec.indexOf(':');
      if (colon > 0) {
        expanded = hostPath(spec.substring(0, colon), userHome) + spec.substring(colon);
      }
    }
    Volume volume = Volume.parse(expanded);
    // What the engine could not take as a bind ("," or ":" in a path) is refused now, not later.
    new Mount(volume.source(), volume.target(), volume.readOnly());
    return volume;
  }

  /**
   * A home directory or volume source as a manifest gives it: absolute, or {@code ~} and {@code
   * ~/...} for the user's home.
   */
  public static Path hostPath(String text, Path userHome) {
    String hint = "Write an absolute path, or ~/... for a directory in your home.";
    if (text == null || text.isEmpty() || text.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw AppboxException.invalid("Path " + Quote.of(text) + " is not valid.", hint);
    }
    Path path;
    if (text.equals("~")) {
      path = userHome;
    } else if (text.startsWith("~/")) {
      path = userHome.resolve(text.substring(2));
    } else if (text.startsWith("/")) {
      path = Path.of(text);
    } else {
      throw AppboxException.invalid(
          "Path " + Quote.of(text) + " is neither absolute nor in your home (~/...).", hint);
    }
    return path.normalize();
  }
}
