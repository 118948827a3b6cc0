package io.appbox.core.profile;

import io.appbox.core.ImageRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What appbox knows about one distribution: the image a box starts from, how to bootstrap that
 * image from the distribution's own mirror, and how to drive its package manager.
 *
 * @param id short name used on the command line ({@code debian})
 * @param displayName human name ({@code Debian GNU/Linux 12 (bookworm)})
 * @param image fully qualified image reference
 * @param bootstrap how to build the image from a mirror, when the profile knows
 * @param packages the package manager's commands
 * @param environment variables every package-manager command runs with
 * @param source where the profile came from: {@code built-in} or the file's path
 * @param sudoPackage the package that brings sudo, which {@code create} installs when the image has
 *     no sudo (the images of Fedora, AlmaLinux, openSUSE and Arch have none)
 * @param proven how appbox's tests prove this profile
 * @param systemdPackages the packages that make systemd the box's first process ({@code
 *     /sbin/init}), which {@code create --init} installs when the image has no systemd; empty when
 *     the distribution does not ship systemd (Alpine, Void), and {@code --init} is refused
 */
public record DistroProfile(
    String id,
    String displayName,
    ImageRef image,
    Optional<Bootstrap> bootstrap,
    PackageCommands packages,
    Map<String, String> environment,
    String source,
    Optional<String> sudoPackage,
    Proof proven,
    List<String> systemdPackages) {

  public static final String BUILT_IN = "built-in";

  public DistroProfile {
    environment = Map.copyOf(environment);
    systemdPackages = List.copyOf(systemdPackages);
  }

  /** A profile that names no packages for systemd. */
  public DistroProfile(
      String id,
      String displayName,
      ImageRef image,
      Optional<Bootstrap> bootstrap,
      PackageCommands packages,
      Map<String, String> environment,
      String source,
      Optional<String> sudoPackage,
      Proof proven) {
    this(
        id,
        displayName,
        image,
        bootstrap,
        packages,
        environment,
        source,
        sudoPackage,
        proven,
        List.of());
  }

  /** A profile whose images have sudo and whose proof is not known. */
  public DistroProfile(
      String id,
      String displayName,
      ImageRef image,
      Optional<Bootstrap> bootstrap,
      PackageCommands packages,
      Map<String, String> environment,
      String source) {
    this(
        id,
        displayName,
        image,
        bootstrap,
        packages,
        environment,
        source,
        Optional.empty(),
        Proof.UNKNOWN);
  }

  /** The same profile pointing at another image, as the user's config may ask. */
  public DistroProfile withImage(ImageRef other) {
    return new DistroProfile(
        id,
        displayName,
        other,
        bootstrap,
        packages,
        environment,
        source,
        sudoPackage,
        proven,
        systemdPackages);
  }
}
