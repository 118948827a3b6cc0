package io.appbox.core.pkg;

/**
 * A package the box's repositories offer.
 *
 * @param version the version the repositories offer; null when the package manager does not say
 * @param installed whether it is installed in the box
 * @param app whether it ships a desktop application; null when appbox cannot tell (a package not
 *     installed: no package manager says so before installing)
 */
public record SearchHit(
    String name, String summary, String version, boolean installed, Boolean app) {

  /** A hit as the search printed it, before appbox knows more. */
  public SearchHit(String name, String summary) {
    this(name, summary, null, false, null);
  }
}
