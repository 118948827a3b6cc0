package io.appbox.runtime.locate;

import io.appbox.core.engine.EngineKind;
import io.appbox.runtime.api.ApiRequest;
import io.appbox.runtime.api.EngineReplyException;
import io.appbox.runtime.api.EngineTimeouts;
import io.appbox.runtime.api.HttpResponse;
import io.appbox.runtime.api.UnixHttpClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The engine's answer to {@code GET /_ping}: cheap on both engines, and its headers say which
 * engine answered ({@code Libpod-Api-Version} only from Podman) and its version.
 */
record Ping(EngineKind kind, String version) {
  /**
   * Discovery asks each socket at most this long: one that accepts but never answers (a hung
   * service) is reported, and the next is tried. Generous for a service that systemd starts on the
   * first connection.
   */
  static final EngineTimeouts TIMEOUTS =
      new EngineTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(20));

  static Optional<Ping> of(Path socket, StringBuilder why) {
    if (!Files.exists(socket)) {
      why.append("no socket at ").append(socket);
      return Optional.empty();
    }
    try {
      HttpResponse r = new UnixHttpClient(socket, TIMEOUTS).send(ApiRequest.of("GET", "/_ping"));
      if (!r.ok()) {
        why.append(socket).append(" answered HTTP ").append(r.status());
        return Optional.empty();
      }
      String libpod = r.headers().get("libpod-api-version");
      if (libpod != null) {
        return Optional.of(new Ping(EngineKind.PODMAN, libpod));
      }
      String server = r.headers().getOrDefault("server", "");
      String version = server.startsWith("Docker/") ? server.substring(7).split(" ")[0] : server;
      return Optional.of(new Ping(EngineKind.DOCKER, version.isEmpty() ? "unknown" : version));
    } catch (EngineReplyException e) {
      why.append(socket).append(" ").append(e.getMessage());
      return Optional.empty();
    } catch (IOException e) {
      why.append("cannot connect to ").append(socket).append(": ").append(e.getMessage());
      return Optional.empty();
    }
  }
}
