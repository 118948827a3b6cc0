package io.appbox.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** appbox's version, as the build recorded it. */
final class Version {
  private Version() {}

  static String get() {
    // The jar's manifest is already read by the class loader; a resource would open the jar again.
    String fromManifest = Version.class.getPackage().getImplementationVersion();
    if (fromManifest != null) {
      return fromManifest;
    }
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
