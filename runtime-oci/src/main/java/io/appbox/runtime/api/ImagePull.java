package io.appbox.runtime.api;

import static io.appbox.runtime.api.EngineTransport.encode;

import io.appbox.core.ImageRef;
import io.appbox.core.engine.EngineInfo;
import io.appbox.core.engine.EngineKind;
import io.appbox.core.engine.PullListener;
import io.appbox.core.json.JsonException;
import io.appbox.runtime.registry.LayerSizes;
import io.appbox.runtime.registry.PullFailure;
import io.appbox.runtime.registry.RegistryCredentials;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pulls an image from its registry: exactly its digest when it has one, with the user's login to
 * that registry, reporting each layer's bytes as the engine streams them.
 */
final class ImagePull {
  private static final Set<String> PULLED =
      Set.of("Download complete", "Pull complete", "Already exists");

  private final EngineTransport api;
  private final EngineInfo engine;
  private final RegistryCredentials credentials;
  private final LayerSizes layerSizes;

  /**
   * @param layerSizes where layer sizes come from when the engine does not report its bytes (Podman
   *     4), or null for none
   */
  ImagePull(
      EngineTransport api,
      EngineInfo engine,
      RegistryCredentials credentials,
      LayerSizes layerSizes) {
    this.api = api;
    this.engine = engine;
    this.credentials = credentials;
    this.layerSizes = layerSizes;
  }

  void pull(ImageRef image, PullListener progress) {
    // The tag parameter takes a digest too, and both engines then pull exactly that manifest; an
    // empty tag would make Docker pull every tag of the repository.
    String tag =
        image.digest() != null ? image.digest() : image.tag() == null ? "latest" : image.tag();
    ApiRequest request =
        ApiRequest.of(
                "POST",
                EngineTransport.path(
                    "/images/create?fromImage="
                        + encode(Images.repositoryOf(image))
                        + "&tag="
                        + encode(tag)))
            .patiently();
    if (image.registry() != null) {
      request = credentials.header(image.registry()).map(request::withRegistryAuth).orElse(request);
    }
    Map<String, Long> sizes =
        layerSizes != null && engine.kind() == EngineKind.PODMAN ? layerSizes.of(image) : Map.of();
    try (StreamedResponse r = api.stream(request)) {
      if (r.status() >= 300) {
        // An error status comes with the engine's message, not a stream of events.
        String body = new String(r.body().readAllBytes(), StandardCharsets.UTF_8);
        String otherwise = body.isBlank() ? "status " + r.status() : body.strip();
        throw PullFailure.of(image, EngineTransport.messageOf(body, otherwise));
      }
      String failure = readEvents(r, progress, sizes);
      if (failure != null) {
        throw PullFailure.of(image, failure);
      }
    } catch (IOException e) {
      throw api.failure(e);
    }
  }

  /** Reads the pull's JSON Lines; returns the engine's error, or null when there was none. */
  private static String readEvents(
      StreamedResponse r, PullListener progress, Map<String, Long> sizes) throws IOException {
    String failure = null;
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8));
    String line;
    while ((line = reader.readLine()) != null) {
      Optional<ProgressEvent> parsed;
      try {
        parsed = ProgressEvent.parse(line);
      } catch (JsonException notJson) {
        continue; // not an event: the engines write none such, and none is lost
      }
      if (parsed.isEmpty()) {
        continue;
      }
      ProgressEvent event = parsed.get();
      if (event.failed()) {
        failure = event.error();
      } else if (event.status() != null) {
        long done = event.done();
        long total = event.total();
        if (total <= 0 && sizes.containsKey(event.layer())) {
          // Podman 4 says only when a layer starts and ends: count it whole when it ends.
          total = sizes.get(event.layer());
          done = PULLED.contains(event.status()) ? total : 0;
        }
        progress.layer(event.layer(), event.status(), done, total);
      }
    }
    return failure;
  }
}
