package io.appbox.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Used only when the build makes the class-data sharing archive: loads every class of appbox's
 * jars, and goes once through the JDK code that commands use (JSON, a unix socket, an atomic file),
 * so the archive holds all of it, whatever command later runs.
 */
final class CdsTraining {
  private CdsTraining() {}

  static void loadClasses() {
    loadJarClasses();
    exerciseJdk();
    exerciseReadOnlyCommands();
  }

  /**
   * Runs {@code list} the way people do, so that the lambdas and method handles of that path are in
   * the archive too; with no engine to reach it ends in the engine error, which is fine here.
   */
  private static void exerciseReadOnlyCommands() {
    java.io.PrintStream nowhere = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
    java.util.Map<String, String> env =
        java.util.Map.of(
            "HOME",
            System.getProperty("java.io.tmpdir"),
            "PATH",
            "/nonexistent",
            "DOCKER_HOST",
            "unix:///nonexistent/appbox-cds.sock",
            "XDG_RUNTIME_DIR",
            "/nonexistent");
    for (String[] args :
        new String[][] {
          {"--engine", "docker", "list"}, {"--json", "--engine", "docker", "exports"}
        }) {
      try {
        Main.run(args, env, nowhere, nowhere);
      } catch (RuntimeException e) {
        // only the classes matter
      }
    }
  }

  private static void exerciseJdk() {
    try {
      Path dir = java.nio.file.Files.createTempDirectory("appbox-cds-");
      try {
        io.appbox.core.host.AtomicFile.write(dir.resolve("f"), new byte[] {1}, "rw-------");
        io.appbox.core.json.Json.parse(
            io.appbox.core.json.Json.write(java.util.Map.of("a", java.util.List.of(1L, "b"))));
        new io.appbox.runtime.api.UnixHttpClient(dir.resolve("no-socket"))
            .send("GET", "/_ping", null, null);
      } catch (IOException expected) {
        // nobody listens there: the point was to load the classes
      } finally {
        try (var files = java.nio.file.Files.list(dir)) {
          for (Path f : files.toList()) {
            java.nio.file.Files.deleteIfExists(f);
          }
        }
        java.nio.file.Files.deleteIfExists(dir);
      }
    } catch (IOException | RuntimeException e) {
      // Without these the archive is only a little less complete.
    }
  }

  private static void loadJarClasses() {
    ClassLoader loader = CdsTraining.class.getClassLoader();
    try {
      Path lib =
          Path.of(CdsTraining.class.getProtectionDomain().getCodeSource().getLocation().toURI())
              .getParent();
      try (var jars = java.nio.file.Files.list(lib)) {
        for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
          try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
              String name = entries.nextElement().getName();
              if (name.endsWith(".class") && !name.contains("-") && !name.startsWith("META-INF")) {
                try {
                  Class.forName(
                      name.substring(0, name.length() - 6).replace('/', '.'), false, loader);
                } catch (LinkageError | ClassNotFoundException skipped) {
                  // optional dependencies of a library
                }
              }
            }
          }
        }
      }
    } catch (IOException | URISyntaxException e) {
      // Without the archive appbox still works, only starts slower.
    }
  }
}
