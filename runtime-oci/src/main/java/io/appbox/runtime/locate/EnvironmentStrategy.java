package io.appbox.runtime.locate;

import java.nio.file.Path;
import java.util.Optional;

/** {@code $CONTAINER_HOST} or {@code $DOCKER_HOST}, when set to a unix socket. */
record EnvironmentStrategy(String variable, String value) implements EngineStrategy {
  @Override
  public String describe() {
    return "$" + variable;
  }

  @Override
  public Optional<Path> asks() {
    return value != null && value.startsWith("unix://")
        ? Optional.of(Path.of(value.substring("unix://".length())))
        : Optional.empty();
  }

  @Override
  public Optional<Candidate> find(StringBuilder why) {
    if (value == null || value.isBlank()) {
      why.append("not set");
      return Optional.empty();
    }
    Optional<Path> socket = asks();
    if (socket.isEmpty()) {
      why.append(value).append(" is not a unix:// socket, the only kind appbox speaks");
      return Optional.empty();
    }
    return Ping.of(socket.get(), why).map(p -> new Candidate(socket.get(), p));
  }
}
