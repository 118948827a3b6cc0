package io.appbox.runtime.api;

import static io.appbox.runtime.api.EngineTransport.encode;

import io.appbox.core.AppboxException;
import io.appbox.core.ErrorCode;
import io.appbox.core.ImageRef;
import io.appbox.core.Quote;
import io.appbox.core.engine.ImageInfo;
import io.appbox.core.json.Json;
import io.appbox.core.json.JsonException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The engine's images: listing by label, checking, removing, and importing a root filesystem. */
final class Images {
  private final EngineTransport api;

  Images(EngineTransport api) {
    this.api = api;
  }

  List<ImageInfo> withLabel(String key, String value) {
    String filters = Json.write(Map.of("label", List.of(key + "=" + value)));
    HttpResponse r = api.call("GET", "/images/json?filters=" + encode(filters));
    api.expectOk(r, "list images");
    List<ImageInfo> out = new ArrayList<>();
    for (Object o : api.array(r)) {
      if (o instanceof Map<?, ?>) {
        @SuppressWarnings("unchecked")
        Map<String, Object> image = (Map<String, Object>) o;
        out.add(ImageSummary.from(image).info());
      }
    }
    return out;
  }

  void remove(String idOrRef) {
    if (!idOrRef.matches("[A-Za-z0-9][A-Za-z0-9:/._@-]*")) {
      throw AppboxException.invalid("Image " + Quote.of(idOrRef) + " is not valid.", "");
    }
    // The engines route image names with their slashes, unencoded.
    HttpResponse r = api.callPatiently("DELETE", "/images/" + idOrRef + "?force=false");
    if (r.status() == 404) {
      return;
    }
    api.expectOk(r, "remove image " + idOrRef);
  }

  boolean exists(ImageRef image) {
    HttpResponse r = api.call("GET", "/images/" + image + "/json");
    if (r.status() == 404) {
      return false;
    }
    api.expectOk(r, "inspect image " + image);
    return true;
  }

  void importRootfs(InputStream tarball, ImageRef tag) {
    ApiRequest load =
        ApiRequest.of("POST", EngineTransport.path("/images/create?fromSrc=-"))
            .upload("application/x-tar", tarball)
            .patiently();
    String imageId = imported(load);
    // Podman's import ignores the tag parameter, so tag explicitly on both engines.
    HttpResponse r =
        api.call(
            "POST",
            "/images/"
                + imageId
                + "/tag?repo="
                + encode(repositoryOf(tag))
                + "&tag="
                + encode(tag.tag() == null ? "latest" : tag.tag()));
    api.expectOk(r, "tag image " + tag);
  }

  /** Sends the tarball; returns the id of the image the engine made of it. */
  private String imported(ApiRequest load) {
    String imageId = null;
    try (StreamedResponse r = api.stream(load)) {
      String body = new String(r.body().readAllBytes(), StandardCharsets.UTF_8);
      if (r.status() >= 300) {
        throw api.refused("import the image", r.status(), body);
      }
      for (String line : body.split("\n")) {
        Optional<ProgressEvent> event;
        try {
          event = ProgressEvent.parse(line);
        } catch (JsonException e) {
          throw EngineReplyException.malformed(
              load.describe(), "a progress line is not JSON: " + e.getMessage());
        }
        if (event.isEmpty()) {
          continue;
        }
        if (event.get().failed()) {
          throw new AppboxException(
              ErrorCode.ENGINE_FAILED,
              "The engine refused the image: " + event.get().error(),
              "Check the engine's log and free disk space.");
        }
        String status = event.get().status();
        if (status != null && status.strip().startsWith("sha256:")) {
          imageId = status.strip();
        }
      }
    } catch (IOException e) {
      throw api.failure(e);
    }
    if (imageId == null) {
      throw new AppboxException(
          ErrorCode.ENGINE_FAILED,
          "The engine did not say which image it imported.",
          "Check the engine's log.");
    }
    return imageId;
  }

  /** {@code registry/repository}, without tag or digest. */
  static String repositoryOf(ImageRef ref) {
    return (ref.registry() == null ? "" : ref.registry() + "/") + ref.repository();
  }
}
