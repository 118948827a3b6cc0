package io.appbox.core.box;

import io.appbox.core.BoxName;
import io.appbox.core.engine.ContainerState;
import java.nio.file.Path;
import java.util.Map;

/**
 * A box as the user sees it.
 *
 * @param name its name
 * @param distro the profile it was created from
 * @param image the image it was created from
 * @param status running, stopped, ...
 * @param home the host directory that is its user's home
 * @param createdBy the appbox version that created it
 * @param exports how many exports came from it
 * @param engine the engine that runs it ({@code podman-rootless}, {@code podman}, {@code docker})
 * @param user the host user it was made for
 * @param init whether systemd is its first process ({@code create --init})
 */
public record Box(
    BoxName name,
    String distro,
    String image,
    String status,
    Path home,
    String createdBy,
    int exports,
    String engine,
    String user,
    boolean init) {

  /** A box without an init system. */
  public Box(
      BoxName name,
      String distro,
      String image,
      String status,
      Path home,
      String createdBy,
      int exports,
      String engine,
      String user) {
    this(name, distro, image, status, home, createdBy, exports, engine, user, false);
  }

  public static Box of(ContainerState c, int exports, String engine) {
    Map<String, String> labels = c.labels();
    String home = labels.getOrDefault(BoxLabels.HOME, "");
    return new Box(
        c.name(),
        labels.getOrDefault(BoxLabels.DISTRO, "unknown"),
        labels.getOrDefault(BoxLabels.IMAGE, c.image()),
        c.running() ? "running" : statusWord(c.status()),
        home.isEmpty() ? null : Path.of(home),
        labels.getOrDefault(BoxLabels.VERSION, ""),
        exports,
        engine,
        labels.getOrDefault(BoxLabels.USER, ""),
        "true".equals(labels.get(BoxLabels.INIT)));
  }

  private static String statusWord(String engineStatus) {
    return switch (engineStatus) {
      case "exited", "stopped", "created", "configured" -> "stopped";
      default -> engineStatus;
    };
  }
}
