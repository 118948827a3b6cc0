package io.appbox.core.engine;

import java.util.Locale;

/** The container engines appbox drives. */
public enum EngineKind {
  PODMAN,
  DOCKER;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
