package io.appbox.core.pkg;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ErrorCode;
import io.appbox.core.box.BoxService;
import io.appbox.core.engine.ContainerState;
import io.appbox.core.engine.ExecResult;
import io.appbox.core.engine.OutputListener;
import io.appbox.core.profile.DistroProfile;
import io.appbox.core.profile.PackageCommand;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a change would take away, asked of the package manager before the change, so that appbox can
 * ask the user first: the profile's {@code plan-*} commands. Empty where a profile cannot tell.
 */
public final class ChangePlans {
  private final PackageService packages;
  private final BoxPackageManager pm;
  private final BoxService boxes;

  ChangePlans(PackageService packages, BoxPackageManager pm, BoxService boxes) {
    this.packages = packages;
    this.pm = pm;
    this.boxes = boxes;
  }

  /**
   * What removing the packages would remove, without changing anything: the packages named, which
   * must be installed, and the others the package manager would take along, when its profile can
   * tell beforehand ({@code plan-remove}).
   */
  public Optional<Set<String>> remove(BoxName name, List<PackageName> names) {
    PackageService.requireSome(names);
    ContainerState box = boxes.running(name);
    DistroProfile profile = packages.profileOf(box);
    Map<String, String> installed =
        pm.versionsOf(box, profile, names.stream().map(PackageName::bare).toList());
    for (PackageName p : names) {
      if (!installed.containsKey(p.bare())) {
        throw new AppboxException(
            ErrorCode.PACKAGE_NOT_FOUND,
            "Package " + p + " is not installed in box " + name + ".",
            "See what is installed: appbox packages --box " + name);
      }
    }
    return plan(box, profile, profile.packages().plans().remove(), names, "remove");
  }

  /** What {@link PackageService#autoremove} would remove, when the profile can tell beforehand. */
  public Optional<Set<String>> autoremove(BoxName name) {
    ContainerState box = boxes.running(name);
    DistroProfile profile = packages.profileOf(box);
    return plan(box, profile, profile.packages().plans().autoremove(), List.of(), "autoremove");
  }

  /** What an upgrade would remove, when the profile can tell beforehand. */
  public Optional<Set<String>> upgrade(BoxName name) {
    ContainerState box = boxes.running(name);
    DistroProfile profile = packages.profileOf(box);
    return plan(box, profile, profile.packages().plans().upgrade(), List.of(), "upgrade");
  }

  private Optional<Set<String>> plan(
      ContainerState box,
      DistroProfile profile,
      Optional<PackageCommand> command,
      List<PackageName> names,
      String what) {
    if (command.isEmpty()) {
      return Optional.empty();
    }
    List<String> args = names.stream().map(PackageName::value).toList();
    ExecResult r = pm.exec(box, profile, command.get(), args, OutputListener.NONE);
    if (!r.ok()) {
      throw BoxPackageManager.failed(box, profile, "tell what " + what + " would remove", r);
    }
    Set<String> planned = new TreeSet<>();
    for (Map<String, String> record : BoxPackageManager.records(command.get(), r.stdout())) {
      planned.add(record.get("name"));
    }
    return Optional.of(planned);
  }
}
