package io.appbox.runtime.locate;

import io.appbox.core.AppboxException;
import io.appbox.core.ErrorCode;
import io.appbox.core.engine.EngineInfo;
import io.appbox.core.engine.EngineKind;
import io.appbox.runtime.api.DockerApiEngine;
import io.appbox.runtime.api.EngineTimeouts;
import io.appbox.runtime.api.UnixHttpClient;
import io.appbox.runtime.registry.LayerSizes;
import io.appbox.runtime.registry.RegistryCredentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the container engine by trying, in order: the socket the config names, {@code
 * $CONTAINER_HOST} and {@code $DOCKER_HOST}, the rootless Podman socket, the rootful Podman socket,
 * Docker's socket, and last a Podman API service appbox starts itself. When none answers, the error
 * lists every attempt and why it failed.
 */
public final class EngineLocator {
  private final Map<String, String> env;
  private final int uid;
  private final Optional<EngineKind> wanted;
  private final Optional<Path> configuredSocket;
  private final EngineTimeouts timeouts;

  /**
   * @param timeouts how long the engine found may keep appbox waiting
   */
  public EngineLocator(
      Map<String, String> env,
      int uid,
      Optional<EngineKind> wanted,
      Optional<Path> configuredSocket,
      EngineTimeouts timeouts) {
    this.env = env;
    this.uid = uid;
    this.wanted = wanted;
    this.configuredSocket = configuredSocket;
    this.timeouts = timeouts;
  }

  public DockerApiEngine locate() {
    List<String> attempts = new ArrayList<>();
    for (EngineStrategy strategy : strategies()) {
      StringBuilder why = new StringBuilder();
      Optional<Candidate> found = strategy.find(why);
      if (found.isPresent()) {
        Candidate c = found.get();
        if (wanted.isPresent() && wanted.get() != c.ping().kind()) {
          attempts.add(
              strategy.describe()
                  + ": "
                  + c.ping().kind().id()
                  + " answered, not "
                  + wanted.get().id());
          continue;
        }
        return at(info(c));
      }
      attempts.add(strategy.describe() + ": " + why);
    }
    StringBuilder message = new StringBuilder("No container engine is reachable. Tried:");
    for (String a : attempts) {
      message.append("\n  - ").append(a);
    }
    throw new AppboxException(
        ErrorCode.ENGINE_UNREACHABLE,
        message.toString(),
        "Install Podman (recommended) or Docker, or start its API service:"
            + " systemctl --user enable --now podman.socket");
  }

  /**
   * The engine an earlier command found, without asking it again: {@code known}'s kind and version
   * at its socket, when that socket is the first one {@link #locate} would ask (so that a changed
   * {@code CONTAINER_HOST}, {@code --engine} or a socket that is gone sends appbox through {@link
   * #locate}); empty otherwise. Whether it is rootless and where its program is are found again.
   */
  public Optional<DockerApiEngine> remembered(EngineInfo known) {
    if (wanted.isPresent() && wanted.get() != known.kind()) {
      return Optional.empty();
    }
    for (EngineStrategy strategy : strategies()) {
      Optional<Path> socket = strategy.asks();
      if (socket.isPresent() && Files.exists(socket.get())) {
        if (!socket.get().equals(known.endpoint())) {
          return Optional.empty();
        }
        Path s = socket.get();
        boolean rootless = uid != 0 && ownedByUser(s);
        return Optional.of(
            at(
                new EngineInfo(
                    known.kind(), rootless, s, known.version(), onPath(known.kind().id()))));
      }
    }
    return Optional.empty();
  }

  private DockerApiEngine at(EngineInfo info) {
    RegistryCredentials credentials = RegistryCredentials.from(env);
    return new DockerApiEngine(
        new UnixHttpClient(info.endpoint(), timeouts),
        info,
        credentials,
        LayerSizes.from(env, credentials));
  }

  private EngineInfo info(Candidate c) {
    EngineKind kind = c.ping().kind();
    boolean rootless = uid != 0 && ownedByUser(c.socket());
    Optional<Path> cli = onPath(kind.id());
    return new EngineInfo(kind, rootless, c.socket(), c.ping().version(), cli);
  }

  private boolean ownedByUser(Path socket) {
    try {
      return ((Integer) Files.getAttribute(socket, "unix:uid")) == uid;
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  List<EngineStrategy> strategies() {
    List<EngineStrategy> list = new ArrayList<>();
    configuredSocket.ifPresent(s -> list.add(new SocketStrategy("configured socket", s)));
    list.add(new EnvironmentStrategy("CONTAINER_HOST", env.get("CONTAINER_HOST")));
    list.add(new EnvironmentStrategy("DOCKER_HOST", env.get("DOCKER_HOST")));
    boolean wantsPodman = wanted.isEmpty() || wanted.get() == EngineKind.PODMAN;
    boolean wantsDocker = wanted.isEmpty() || wanted.get() == EngineKind.DOCKER;
    Optional<Path> userSocket = rootlessPodmanSocket();
    if (wantsPodman && uid != 0 && userSocket.isPresent()) {
      list.add(new SocketStrategy("rootless Podman socket", userSocket.get()));
    }
    if (wantsPodman) {
      list.add(new SocketStrategy("rootful Podman socket", Path.of("/run/podman/podman.sock")));
    }
    if (wantsDocker) {
      list.add(new SocketStrategy("Docker socket", Path.of("/var/run/docker.sock")));
    }
    if (wantsPodman) {
      Path own = uid == 0 ? Path.of("/run/podman/podman.sock") : userSocket.orElse(null);
      if (own != null) {
        list.add(new PodmanServiceStrategy(onPath("podman"), own));
      }
    }
    return list;
  }

  private Optional<Path> rootlessPodmanSocket() {
    String runtime = env.get("XDG_RUNTIME_DIR");
    if (runtime == null || runtime.isBlank() || !Path.of(runtime).isAbsolute()) {
      Path fallback = Path.of("/run/user/" + uid);
      return Files.isDirectory(fallback)
          ? Optional.of(fallback.resolve("podman/podman.sock"))
          : Optional.empty();
    }
    return Optional.of(Path.of(runtime, "podman", "podman.sock"));
  }

  private Optional<Path> onPath(String program) {
    String path = env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
    for (String dir : path.split(":")) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
