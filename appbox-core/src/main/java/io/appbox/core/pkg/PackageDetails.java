package io.appbox.core.pkg;

import java.util.Map;

/**
 * A package described the same way on every distribution, with the package manager's own fields
 * beside it. Any of the normalised values is null when the package manager does not give it.
 *
 * @param description the long description, its lines and paragraphs whole
 * @param size the installed size in bytes
 * @param fields the package manager's fields, by its own names, multi-line values whole
 */
public record PackageDetails(
    String name,
    String version,
    String summary,
    String description,
    Long size,
    String homepage,
    boolean installed,
    Map<String, String> fields) {}
