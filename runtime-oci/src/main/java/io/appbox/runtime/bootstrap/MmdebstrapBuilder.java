package io.appbox.runtime.bootstrap;

import io.appbox.core.AppboxException;
import io.appbox.core.ErrorCode;
import io.appbox.core.Progress;
import io.appbox.core.image.RootfsBuilder;
import io.appbox.core.profile.Bootstrap;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Bootstraps Debian-family root filesystems with mmdebstrap: as root directly, as a normal user in
 * its unshare mode (which needs subordinate ids).
 */
public final class MmdebstrapBuilder implements RootfsBuilder {
  private final Optional<Path> mmdebstrap;

  public MmdebstrapBuilder(Optional<Path> mmdebstrap) {
    this.mmdebstrap = mmdebstrap;
  }

  @Override
  public void build(Bootstrap recipe, Path tarball, Progress progress) {
    if (!"mmdebstrap".equals(recipe.tool())) {
      throw new AppboxException(
          ErrorCode.INVALID_INPUT,
          "appbox cannot bootstrap with " + recipe.tool() + "; it knows mmdebstrap.",
          "Pull the image from a registry instead.");
    }
    Path program =
        mmdebstrap.orElseThrow(
            () ->
                new AppboxException(
                    ErrorCode.FAILED,
                    "mmdebstrap is not installed.",
                    "Install it (on Debian: apt-get install mmdebstrap), then try again."));
    if (!recipe.suite().matches("[a-z0-9][a-z0-9.-]*")
        || !recipe.mirror().matches("https?://[^\\s]+")
        || !recipe.variant().matches("[a-z]+")
        || recipe.include().stream().anyMatch(p -> !p.matches("[a-z0-9][a-z0-9+.-]*"))) {
      throw new AppboxException(
          ErrorCode.INVALID_INPUT,
          "The bootstrap recipe names an odd suite, mirror, variant or package.",
          "Check the profile's bootstrap section.");
    }
    List<String> argv = argv(program, recipe, tarball);
    progress.report(
        "bootstrap", -1, "Bootstrapping " + recipe.suite() + " from " + recipe.mirror());
    Deque<String> tail = new ArrayDeque<>();
    int code;
    try {
      Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
      p.getOutputStream().close();
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          if (tail.size() == 20) {
            tail.removeFirst();
          }
          tail.addLast(line);
          if (line.startsWith("I: ")) {
            progress.report("bootstrap", -1, line.substring(3));
          }
        }
      }
      code = p.waitFor();
    } catch (IOException e) {
      throw new AppboxException(
          ErrorCode.FAILED, "Could not run mmdebstrap: " + e.getMessage(), "", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AppboxException(ErrorCode.FAILED, "Interrupted while bootstrapping.", "");
    }
    if (code != 0 || !isNonEmpty(tarball)) {
      throw new AppboxException(
          ErrorCode.FAILED,
          "mmdebstrap failed (exit " + code + "):\n" + String.join("\n", tail),
          "Check that "
              + recipe.mirror()
              + " is reachable; as a normal user, mmdebstrap needs"
              + " entries in /etc/subuid and /etc/subgid.");
    }
  }

  static List<String> argv(Path program, Bootstrap recipe, Path tarball) {
    List<String> argv = new ArrayList<>();
    argv.add(program.toString());
    argv.add("--variant=" + recipe.variant());
    argv.add("--format=tar");
    if (!recipe.include().isEmpty()) {
      argv.add("--include=" + String.join(",", recipe.include()));
    }
    argv.add(recipe.suite());
    argv.add(tarball.toString());
    argv.add(recipe.mirror());
    return argv;
  }

  private static boolean isNonEmpty(Path file) {
    try {
      return Files.size(file) > 0;
    } catch (IOException e) {
      return false;
    }
  }
}
