package io.appbox.runtime.locate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Only the {@code podman} program is installed and no API service runs: start one that listens on
 * Podman's usual socket and exits by itself after a while without requests.
 */
record PodmanServiceStrategy(Optional<Path> podman, Path socket) implements EngineStrategy {
  static final int IDLE_SECONDS = 300;
  private static final long WAIT_MILLIS = 10_000;

  @Override
  public String describe() {
    return "starting `podman system service` on " + socket;
  }

  @Override
  public Optional<Candidate> find(StringBuilder why) {
    if (podman.isEmpty()) {
      why.append("podman is not installed");
      return Optional.empty();
    }
    try {
      Files.createDirectories(socket.getParent());
      // A socket file nobody listens on is left from an earlier service; it would block the new
      // one.
      StringBuilder ignored = new StringBuilder();
      if (Ping.of(socket, ignored).isEmpty()) {
        Files.deleteIfExists(socket);
      }
      new ProcessBuilder(
              List.of(
                  podman.get().toString(),
                  "system",
                  "service",
                  "--time=" + IDLE_SECONDS,
                  "unix://" + socket))
          .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
    } catch (IOException e) {
      why.append("could not start it: ").append(e.getMessage());
      return Optional.empty();
    }
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    StringBuilder last = new StringBuilder();
    while (System.currentTimeMillis() < deadline) {
      last.setLength(0);
      Optional<Ping> ping = Ping.of(socket, last);
      if (ping.isPresent()) {
        return Optional.of(new Candidate(socket, ping.get()));
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    why.append("it did not answer within ").append(WAIT_MILLIS / 1000).append(" s: ").append(last);
    return Optional.empty();
  }
}
