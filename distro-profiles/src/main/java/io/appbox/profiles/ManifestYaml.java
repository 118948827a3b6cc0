package io.appbox.profiles;

/** The manifest as a YAML format: its limits and the hint every problem in it gets. */
final class ManifestYaml {
  /** Also the most appbox downloads for a manifest given as a URL. */
  static final int MAX_BYTES = 1024 * 1024;

  /** Aliases let boxes share a package list; a few dozen are plenty. */
  static final int MAX_ALIASES = 64;

  static final YamlFormat FORMAT =
      new YamlFormat(
          "manifest",
          MAX_BYTES,
          MAX_ALIASES,
          "Fix the manifest at that line; appbox's documentation on manifests (docs/manifest.md)"
              + " describes every field.",
          "boxes");

  private ManifestYaml() {}
}
