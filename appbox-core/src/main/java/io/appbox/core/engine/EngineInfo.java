package io.appbox.core.engine;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Which engine appbox is talking to and how.
 *
 * @param kind Podman or Docker
 * @param rootless whether containers run in the user's own user namespace
 * @param endpoint the API socket
 * @param version the engine's version
 * @param cli the engine's command-line program, used for interactive terminals, when installed
 */
public record EngineInfo(
    EngineKind kind, boolean rootless, Path endpoint, String version, Optional<Path> cli) {

  /** A stable id that tells same-named boxes of different engines apart in records and files. */
  public String id() {
    return kind == EngineKind.PODMAN && rootless ? "podman-rootless" : kind.id();
  }

  /** The engine in words: rootless Podman, rootful Podman, Docker. */
  public String describe() {
    return kind == EngineKind.DOCKER ? "Docker" : (rootless ? "rootless" : "rootful") + " Podman";
  }
}
