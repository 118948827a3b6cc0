package io.appbox.core.pkg;

/**
 * A package installed in a box, and whether the user asked for it.
 *
 * @param manual true: installed on request; false: installed as another package's dependency; null:
 *     the box's package manager cannot tell
 */
public record BoxPackage(String name, String version, Boolean manual) {}
