package io.appbox.core.manifest;

import io.appbox.core.BoxName;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The record of what {@code apply} manages, per engine: the boxes it created or adopted and the
 * packages it installed in them. Shared by the user's appbox processes; {@link #update} changes it
 * under a lock.
 */
public interface AppliedRecord {
  /** The boxes of one engine ({@code podman-rootless}, ...) that apply manages. */
  Map<BoxName, AppliedBox> boxes(String engine);

  /** Applies {@code change} to the engine's boxes under the lock and stores the result. */
  void update(String engine, UnaryOperator<Map<BoxName, AppliedBox>> change);
}
