package io.appbox.runtime.locate;

import java.nio.file.Path;
import java.util.Optional;

/** A socket at a known place: the rootless or rootful Podman socket, Docker's socket. */
record SocketStrategy(String label, Path socket) implements EngineStrategy {
  @Override
  public String describe() {
    return label + " " + socket;
  }

  @Override
  public Optional<Path> asks() {
    return Optional.of(socket);
  }

  @Override
  public Optional<Candidate> find(StringBuilder why) {
    return Ping.of(socket, why).map(p -> new Candidate(socket, p));
  }
}
