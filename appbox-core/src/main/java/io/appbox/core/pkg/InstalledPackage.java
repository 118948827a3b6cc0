package io.appbox.core.pkg;

/**
 * A package installed in a box.
 *
 * @param already it was installed before appbox was asked to install it
 */
public record InstalledPackage(String name, String version, boolean already) {
  public InstalledPackage(String name, String version) {
    this(name, version, false);
  }
}
