package io.appbox.core.profile;

import java.util.Optional;

/**
 * How a package manager tells, without changing anything, which packages a change would remove:
 * each a query whose output yields {@code name}. A profile without them cannot say beforehand.
 *
 * @param remove for removing packages (appended)
 * @param autoremove for removing what nothing needs any more
 * @param upgrade for upgrading every package
 */
public record RemovalPlans(
    Optional<PackageCommand> remove,
    Optional<PackageCommand> autoremove,
    Optional<PackageCommand> upgrade) {
  public static final RemovalPlans NONE =
      new RemovalPlans(Optional.empty(), Optional.empty(), Optional.empty());
}
