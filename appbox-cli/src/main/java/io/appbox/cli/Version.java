package io.appbox.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** appbox's version, the commit it was built from, and the Java runtime running it. */
final class Version {
  private Version() {}

  /** The commit the build recorded in the jar ({@code unknown} outside a git checkout). */
  static String commit() {
    try (InputStream in = Version.class.getResourceAsStream("build-commit")) {
      String commit =
          in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      return commit.isEmpty() ? "unknown" : commit;
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** The version of the Java runtime: the one bundled with appbox, as bin/appbox runs it. */
  static String runtime() {
    return Runtime.version().toString();
  }

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
