package io.appbox.core.box;

/** The labels that carry a box's appbox metadata on its container. */
public final class BoxLabels {
  public static final String MANAGER = "io.appbox.manager";
  public static final String MANAGER_VALUE = "appbox";
  public static final String MANAGER_FILTER = MANAGER + "=" + MANAGER_VALUE;
  public static final String DISTRO = "io.appbox.distro";
  public static final String HOME = "io.appbox.home";
  public static final String USER = "io.appbox.user";
  public static final String UID = "io.appbox.uid";
  public static final String GID = "io.appbox.gid";
  public static final String VERSION = "io.appbox.version";
  public static final String ENTRY = "io.appbox.entry";
  public static final String HOST_HOME = "io.appbox.host-home";

  /** {@code false} when the box's xdg-open is its own (create --no-host-open); else absent. */
  public static final String HOST_OPEN = "io.appbox.host-open";

  /** The image the box was created from; after a rollback its container runs from a snapshot. */
  public static final String IMAGE = "io.appbox.image";

  private BoxLabels() {}

  /** The box user as the engine takes it, {@code UID:GID}, from the box's labels. */
  public static String engineUser(java.util.Map<String, String> labels) {
    return labels.getOrDefault(UID, "0") + ":" + labels.getOrDefault(GID, "0");
  }
}
