package io.appbox.core.box;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ErrorCode;
import io.appbox.core.Progress;
import io.appbox.core.engine.ContainerEngine;
import io.appbox.core.engine.ExecRequest;
import io.appbox.core.engine.ExecResult;
import io.appbox.core.engine.OutputListener;
import io.appbox.core.profile.DistroProfile;
import io.appbox.core.profile.PackageCommand;
import io.appbox.core.profile.PackageCommands;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives a new box sudo when its image has none, as Toolbx and Distrobox do: the images of Fedora,
 * AlmaLinux, openSUSE and Arch come without it, and users expect {@code sudo dnf install x} to work
 * in their box. The profile names the package; everything runs as root, before the user is added,
 * so that the user's sudoers entry finds {@code /etc/sudoers.d}.
 */
final class SudoSetup {
  private SudoSetup() {}

  static void ensure(
      ContainerEngine engine, BoxName box, DistroProfile profile, Progress progress) {
    if (profile.sudoPackage().isEmpty()
        || run(engine, box, profile, List.of("/bin/sh", "-c", "command -v sudo >/dev/null")).ok()) {
      return;
    }
    installPackages(
        engine, box, profile, List.of(profile.sudoPackage().get()), progress, "setup", "sudo");
  }

  /**
   * Installs {@code packages} as root with the profile's package manager, refreshing a package
   * index the image never had first; {@code what} names what the box would lack without them,
   * {@code phase} the progress phase of the install.
   */
  static void installPackages(
      ContainerEngine engine,
      BoxName box,
      DistroProfile profile,
      List<String> packages,
      Progress progress,
      String phase,
      String what) {
    PackageCommands pm = profile.packages();
    if (pm.hasIndex().isPresent()
        && !run(engine, box, profile, pm.hasIndex().get(), List.of()).ok()) {
      progress.report("update", -1, "Refreshing the package index of " + box);
      ExecResult update = run(engine, box, profile, pm.update(), List.of());
      if (!update.ok()) {
        throw failed(box, profile, update, what, packages);
      }
    }
    progress.report(phase, -1, "Installing " + what + " in box " + box + " (its image has none)");
    ExecResult install = run(engine, box, profile, pm.install(), packages);
    if (!install.ok()) {
      throw failed(box, profile, install, what, packages);
    }
  }

  private static ExecResult run(
      ContainerEngine engine,
      BoxName box,
      DistroProfile profile,
      PackageCommand command,
      List<String> args) {
    List<String> argv = new ArrayList<>(command.argv());
    argv.addAll(args);
    return run(engine, box, profile, argv);
  }

  private static ExecResult run(
      ContainerEngine engine, BoxName box, DistroProfile profile, List<String> argv) {
    return engine.exec(
        box, new ExecRequest(argv, "root", profile.environment(), "/"), OutputListener.NONE);
  }

  private static AppboxException failed(
      BoxName box, DistroProfile profile, ExecResult r, String what, List<String> packages) {
    String output = (r.stderr().isBlank() ? r.stdout() : r.stderr()).strip();
    List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
    String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 6), lines.size()));
    return new AppboxException(
        ErrorCode.PACKAGE_MANAGER_FAILED,
        "Box "
            + box
            + " would have no "
            + what
            + ": the package manager of "
            + profile.id()
            + " failed to install "
            + String.join(" ", packages)
            + " (exit "
            + r.exitCode()
            + "):\n"
            + tail,
        "The box's repositories must be reachable when it is created. Nothing was left behind.");
  }
}
