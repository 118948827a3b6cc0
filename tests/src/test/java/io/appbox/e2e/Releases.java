package io.appbox.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The release archive the build made, and the other releases an upgrade test needs: the same
 * program under another version, made the way the build makes one (the version in the jar's
 * manifest, the start-up cache trained again by the bundled runtime), and a broken one.
 */
final class Releases {
  private Releases() {}

  /** {@code appbox-VERSION-linux-x86_64.tar.gz}, as the build left it, with its .sha256. */
  static Path built() {
    Path archive = Path.of(System.getProperty("appbox.release", "missing"));
    if (!Files.isRegularFile(archive)) {
      throw new IllegalStateException("no release archive at " + archive + ": run mvn package");
    }
    return archive.toAbsolutePath();
  }

  private static Path readable;

  /**
   * The built archive and its .sha256, copied once where every test user can read them (the
   * checkout may sit in root's home): what a user downloads.
   */
  static synchronized Path download() {
    if (readable == null) {
      try {
        Path dir = Files.createTempDirectory("appbox-e2e-download-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path archive = built();
        Commands.check(
            List.of("cp", "-p", archive.toString(), archive + ".sha256", dir.toString()));
        Commands.check(List.of("chmod", "-R", "a+rX", dir.toString()));
        readable = dir.resolve(archive.getFileName());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return readable;
  }

  /** The version the built archive installs, from its name. */
  static String builtVersion() {
    String name = built().getFileName().toString();
    return name.substring("appbox-".length(), name.length() - "-linux-x86_64.tar.gz".length());
  }

  /**
   * A copy of the built release that says it is {@code version}; a broken one's program does not
   * start (its Java runtime's libjvm.so is empty). Returns the archive, with its .sha256 beside it,
   * in a directory every user can read.
   */
  static Path variant(String version, boolean broken) {
    try {
      Path work = Files.createTempDirectory("appbox-e2e-release-");
      Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
      Commands.check(List.of("tar", "-xzf", built().toString(), "-C", work.toString()));
      String name = "appbox-" + version + "-linux-x86_64";
      Path top = work.resolve(name);
      Files.move(work.resolve("appbox-" + builtVersion() + "-linux-x86_64"), top);
      Path jar = top.resolve("lib/appbox-cli.jar");
      withVersion(jar, version);
      // The launcher prints lib/version for a plain --version: the build writes both.
      Files.writeString(top.resolve("lib/version"), version + "\n");
      Commands.check(List.of("sh", top.resolve("libexec/appbox-aot").toString()));
      if (broken) {
        // A runtime that cannot start here, as one built for another system would be.
        Files.write(top.resolve("runtime/lib/server/libjvm.so"), new byte[0]);
      }
      Commands.check(
          List.of(
              "tar",
              "-czf",
              work.resolve(name + ".tar.gz").toString(),
              "-C",
              work.toString(),
              name));
      Commands.check(
          List.of(
              "sh",
              "-c",
              "cd \"$1\" && sha256sum \"$2\" > \"$2.sha256\"",
              "sh",
              work.toString(),
              name + ".tar.gz"));
      Commands.check(List.of("rm", "-rf", top.toString()));
      Commands.check(List.of("chmod", "-R", "a+rX", work.toString()));
      return work.resolve(name + ".tar.gz");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * appbox as the installer of commit {@code d543ef2} and before installed it: the program in
   * {@code $XDG_DATA_HOME/appbox/{bin,lib,libexec,share}} beside the launchers, run by the host's
   * java. Returns a directory with that release's install.sh and launcher scripts over this build's
   * jars, ready to be installed the old way.
   */
  static Path oldLayoutRelease() {
    try {
      Path work = Files.createTempDirectory("appbox-e2e-old-release-");
      Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
      Commands.check(List.of("tar", "-xzf", built().toString(), "-C", work.toString()));
      Path dist = work.resolve("appbox-" + builtVersion() + "-linux-x86_64");
      Commands.check(
          List.of(
              "rm",
              "-rf",
              dist.resolve("runtime").toString(),
              dist.resolve("lib/appbox.aot").toString(),
              dist.resolve("lib/appbox-install.aot").toString()));
      String repo = TestEnvironment.repository().toString();
      for (String[] file :
          List.of(
              new String[] {"appbox-cli/src/main/dist/bin/appbox", "bin/appbox"},
              new String[] {"appbox-cli/src/main/dist/bin/appbox-cds", "bin/appbox-cds"},
              new String[] {"scripts/install.sh", "install.sh"})) {
        CommandResult old =
            Commands.check(List.of("git", "-C", repo, "show", OLD_LAYOUT_COMMIT + ":" + file[0]));
        Files.writeString(dist.resolve(file[1]), old.stdout());
      }
      Commands.check(List.of("chmod", "-R", "a+rX", work.toString()));
      Commands.check(
          List.of(
              "chmod",
              "755",
              dist.resolve("bin/appbox").toString(),
              dist.resolve("install.sh").toString()));
      return dist;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The last commit whose installer put the program into appbox's data directory. */
  static final String OLD_LAYOUT_COMMIT = "d543ef2";

  /** Rewrites the jar with {@code Implementation-Version: version}, every entry kept as it was. */
  private static void withVersion(Path jar, String version) throws IOException {
    Path rewritten = jar.resolveSibling(jar.getFileName() + ".new");
    try (JarFile in = new JarFile(jar.toFile());
        OutputStream file = Files.newOutputStream(rewritten)) {
      Manifest manifest = new Manifest(in.getManifest());
      manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
      try (JarOutputStream out = new JarOutputStream(file, manifest)) {
        for (JarEntry entry : java.util.Collections.list(in.entries())) {
          if (entry.getName().equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
            continue;
          }
          out.putNextEntry(new JarEntry(entry.getName()));
          try (InputStream content = in.getInputStream(entry)) {
            content.transferTo(out);
          }
          out.closeEntry();
        }
      }
    }
    Files.move(rewritten, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }
}
