package io.appbox.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Used only when the build makes the class-data sharing archive: loads every class of appbox's
 * jars, so the archive holds all of them, whatever command later runs.
 */
final class CdsTraining {
  private CdsTraining() {}

  static void loadClasses() {
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
