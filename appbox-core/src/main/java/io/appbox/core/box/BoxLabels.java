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

  /**
   * {@code false} when the box's xdg-open is its own (create --no-host-open); else absent or {@code
   * true}.
   */
  public static final String HOST_OPEN = "io.appbox.host-open";

  /**
   * A throwaway box's owner, {@code PID START}: the appbox process it was made for (its start time
   * in clock ticks after boot, as /proc says); the box ends with that process.
   */
  public static final String OWNER = "io.appbox.owner";

  /** A box's own id, random, made at create: it stays when the box is renamed. */
  public static final String ID = "io.appbox.id";

  /** On a clone and on the image it was made from: the box it was cloned from. */
  public static final String CLONE_OF = "io.appbox.clone.of";

  /** On a clone's image: the clone it is removed with. */
  public static final String CLONE_FOR = "io.appbox.clone.for";

  /** {@code true} on a box whose first process is systemd ({@code create --init}). */
  public static final String INIT = "io.appbox.init";

  /**
   * On an image made for one box (an init box's, with systemd installed): that box's {@link #ID},
   * which stays when the box is renamed; the image is removed with the box.
   */
  public static final String BASE_FOR = "io.appbox.base-for";

  /** The image the box was created from; after a rollback its container runs from a snapshot. */
  public static final String IMAGE = "io.appbox.image";

  private BoxLabels() {}

  /** The box user as the engine takes it, {@code UID:GID}, from the box's labels. */
  public static String engineUser(java.util.Map<String, String> labels) {
    return labels.getOrDefault(UID, "0") + ":" + labels.getOrDefault(GID, "0");
  }
}
