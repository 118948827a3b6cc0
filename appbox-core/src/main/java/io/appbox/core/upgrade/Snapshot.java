package io.appbox.core.upgrade;

import io.appbox.core.BoxName;
import io.appbox.core.ImageRef;
import java.time.Instant;

/**
 * A box's root filesystem as it was before an upgrade: an image committed from its container. The
 * user's home is on the host and never part of it.
 *
 * @param id the image's id
 * @param ref its reference, {@code localhost/appbox-snapshots:BOX-TIME}
 * @param box the box it is of
 * @param time when it was taken
 * @param size its size in bytes
 */
public record Snapshot(String id, ImageRef ref, BoxName box, Instant time, long size) {
  public static final String REPOSITORY = "localhost/appbox-snapshots";
  public static final String OF_LABEL = "io.appbox.snapshot.of";
  public static final String TIME_LABEL = "io.appbox.snapshot.time";

  /** The id of the box it was taken of ({@code io.appbox.id}), which a rename keeps. */
  public static final String BOX_LABEL = "io.appbox.snapshot.box";

  /** The packages installed when it was taken, "name=version,...": what a rollback undoes. */
  public static final String PACKAGES_LABEL = "io.appbox.snapshot.packages";

  /** The short name users type: the tag, {@code BOX-20261126T030000123Z}. */
  public String name() {
    return ref.tag();
  }
}
