package io.appbox.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * What scripts/test-env.sh prepared: the test user for rootless Podman, the engines' test settings,
 * the base image. Tests fail with a clear message when it is missing, never skip.
 */
final class TestEnvironment {
  private static Path distribution;

  private TestEnvironment() {}

  static String require(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          name
              + " is not set: run the end-to-end tests through scripts/test.sh, which prepares"
              + " the engines, the test user and the base image.");
    }
    return value;
  }

  static String testUser() {
    return require("APPBOX_TEST_USER");
  }

  static int testUid() {
    return Integer.parseInt(require("APPBOX_TEST_UID"));
  }

  static String runtimeDir() {
    return require("APPBOX_TEST_RUNTIME_DIR");
  }

  static String containersConf() {
    return require("APPBOX_TEST_CONTAINERS_CONF");
  }

  static String storageConf() {
    return require("APPBOX_TEST_STORAGE_CONF");
  }

  /**
   * Where the test user's rootless Podman keeps its images and containers (the conf's graphroot).
   */
  static String testUserStorage() {
    try {
      return Files.readAllLines(Path.of(storageConf())).stream()
          .map(String::strip)
          .filter(l -> l.startsWith("graphroot"))
          .map(l -> l.substring(l.indexOf('"') + 1, l.lastIndexOf('"')))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no graphroot in " + storageConf()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String debianImage() {
    return require("APPBOX_TEST_DEBIAN_IMAGE");
  }

  /**
   * The built distribution, copied once to a place every test user can read and run (the checkout
   * may sit in root's home). The copy keeps the files' times, which its AOT cache checks.
   */
  static synchronized Path appbox() {
    if (distribution == null) {
      Path built = Path.of(System.getProperty("appbox.dist", "../appbox-cli/target/appbox"));
      if (!Files.isExecutable(built.resolve("bin/appbox"))) {
        throw new IllegalStateException("appbox is not built at " + built + ": run mvn package");
      }
      try {
        Path copy = Files.createTempDirectory("appbox-e2e-dist-");
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
        Commands.check(List.of("cp", "-a", built + "/.", copy.toString()));
        Commands.check(List.of("chmod", "-R", "a+rX", copy.toString()));
        distribution = copy.resolve("bin/appbox");
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return distribution;
  }

  static Path repository() {
    return Path.of(System.getProperty("appbox.repo", "..")).toAbsolutePath().normalize();
  }
}
