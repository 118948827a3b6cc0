package io.appbox.profiles;

/** The distro profile as a YAML format: its limits and the hint every problem in it gets. */
final class ProfileYaml {
  static final int MAX_BYTES = 256 * 1024;

  /** A profile needs no aliases at all; a few are allowed for sharing an argv list. */
  static final int MAX_ALIASES = 16;

  static final YamlFormat FORMAT =
      new YamlFormat(
          "profile",
          MAX_BYTES,
          MAX_ALIASES,
          "Fix the profile at that line; appbox's documentation on distro profiles describes"
              + " every field.",
          "id, name, image and commands");

  private ProfileYaml() {}

  static YamlField compose(byte[] bytes, String file) {
    return YamlDocument.compose(bytes, file, FORMAT);
  }
}
