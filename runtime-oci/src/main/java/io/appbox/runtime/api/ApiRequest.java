package io.appbox.runtime.api;

import java.io.InputStream;

/**
 * One request to the engine's API, as the transport sends it: method, path, body, and how patient
 * to be with the reply.
 *
 * @param method {@code GET}, {@code POST}, {@code DELETE}, ...
 * @param path the path and query, {@code /v1.41/containers/json?all=true}
 * @param contentType the body's type, or null without a body
 * @param body the body, or null
 * @param upload a body of unknown length sent chunked (an image tarball), or null
 * @param patience how long the reply may keep the transport waiting ({@link EngineTimeouts})
 * @param registryAuth the {@code X-Registry-Auth} header of a pull, or null
 */
public record ApiRequest(
    String method,
    String path,
    String contentType,
    byte[] body,
    InputStream upload,
    Patience patience,
    String registryAuth) {
  /** Which of the {@link EngineTimeouts} bounds the waits of a request. */
  public enum Patience {
    /** An ordinary answer, expected at once. */
    REPLY,
    /** Work that may go quiet for long: the engine's storage, a pull, a command's output. */
    LONG
  }

  public ApiRequest(
      String method,
      String path,
      String contentType,
      byte[] body,
      InputStream upload,
      Patience patience) {
    this(method, path, contentType, body, upload, patience, null);
  }

  /** The same request with the user's login to a registry. */
  public ApiRequest withRegistryAuth(String header) {
    return new ApiRequest(method, path, contentType, body, upload, patience, header);
  }

  /** A request without a body, answered at once. */
  public static ApiRequest of(String method, String path) {
    return new ApiRequest(method, path, null, null, null, Patience.REPLY);
  }

  /** The same request with a JSON body. */
  public ApiRequest json(byte[] json) {
    return new ApiRequest(method, path, "application/json", json, null, patience, registryAuth);
  }

  /** The same request with a body of unknown length, streamed. */
  public ApiRequest upload(String type, InputStream stream) {
    return new ApiRequest(method, path, type, null, stream, patience, registryAuth);
  }

  /** The same request, waiting as long as {@link EngineTimeouts#longWait()} allows. */
  public ApiRequest patiently() {
    return new ApiRequest(method, path, contentType, body, upload, Patience.LONG, registryAuth);
  }

  /** How messages name it: the method and the path without its query, which can be long. */
  public String describe() {
    int query = path.indexOf('?');
    return method + " " + (query < 0 ? path : path.substring(0, query));
  }
}
