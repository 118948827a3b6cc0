package io.appbox.runtime.api;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ErrorCode;
import io.appbox.core.Quote;
import io.appbox.core.engine.EngineKind;
import io.appbox.core.json.Json;
import io.appbox.core.json.JsonException;
import io.appbox.core.log.Log;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The engine's API as the operations speak to it: a request goes out, a status and a JSON tree come
 * back, and everything else is appbox's engine error. A socket nobody answers on is {@link
 * ErrorCode#ENGINE_UNREACHABLE}; a reply that stalls, breaks HTTP or is not the JSON asked for is
 * {@link ErrorCode#ENGINE_FAILED} naming the request; an error status is {@code ENGINE_FAILED} with
 * the engine's own message. Each request is logged with its status and duration.
 */
final class EngineTransport {
  static final String API = "/v1.41";

  private final UnixHttpClient http;
  private final EngineKind kind;

  EngineTransport(UnixHttpClient http, EngineKind kind) {
    this.http = http;
    this.kind = kind;
  }

  /** An ordinary request, answered at once. */
  HttpResponse call(String method, String path) {
    return send(ApiRequest.of(method, API + path));
  }

  /** An ordinary request with a JSON body. */
  HttpResponse call(String method, String path, Object json) {
    return send(ApiRequest.of(method, API + path).json(bytes(json)));
  }

  /** A request the engine may work on for long: its storage, a box's processes. */
  HttpResponse callPatiently(String method, String path) {
    return send(ApiRequest.of(method, API + path).patiently());
  }

  /** A long request with a JSON body. */
  HttpResponse callPatiently(String method, String path, Object json) {
    return send(ApiRequest.of(method, API + path).json(bytes(json)).patiently());
  }

  /** The request, its response read whole. */
  HttpResponse send(ApiRequest request) {
    long start = System.nanoTime();
    try {
      HttpResponse r = http.send(request);
      logged(request, r.status(), start);
      return r;
    } catch (IOException e) {
      logged(request, -1, start);
      throw failure(e);
    }
  }

  /** The request, its response body read by the caller as it comes; the caller closes it. */
  StreamedResponse stream(ApiRequest request) {
    long start = System.nanoTime();
    try {
      StreamedResponse r = http.stream(request);
      logged(request, r.status(), start);
      return r;
    } catch (IOException e) {
      logged(request, -1, start);
      throw failure(e);
    }
  }

  /** A path with the API's version in front, for {@link ApiRequest}s built by the caller. */
  static String path(String path) {
    return API + path;
  }

  /** The reply's JSON object; any other reply is the engine's failure, naming the request. */
  Map<String, Object> object(HttpResponse r) {
    Object value = json(r);
    if (!(value instanceof Map<?, ?>)) {
      throw failure(EngineReplyException.malformed(r.request(), "the body is not a JSON object"));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) value;
    return map;
  }

  /** The reply's JSON array; any other reply is the engine's failure, naming the request. */
  List<Object> array(HttpResponse r) {
    Object value = json(r);
    if (!(value instanceof List<?>)) {
      throw failure(EngineReplyException.malformed(r.request(), "the body is not a JSON array"));
    }
    @SuppressWarnings("unchecked")
    List<Object> list = (List<Object>) value;
    return list;
  }

  private Object json(HttpResponse r) {
    try {
      return Json.parse(r.text());
    } catch (JsonException e) {
      throw failure(
          EngineReplyException.malformed(r.request(), "the body is not JSON: " + e.getMessage()));
    }
  }

  /** Fails unless the status is 2xx: {@code what} is what appbox asked, "list containers". */
  void expectOk(HttpResponse r, String what) {
    if (!r.ok()) {
      throw refused(what, r.status(), r.text());
    }
  }

  /** A 404 about a box is that the box does not exist. */
  static void notFoundIsNoBox(HttpResponse r, BoxName name) {
    if (r.status() == 404) {
      throw io.appbox.core.box.Boxes.notFound(name);
    }
  }

  /** The engine answered with an error status: its own message, quoted. */
  AppboxException refused(String what, int status, String body) {
    return new AppboxException(
        ErrorCode.ENGINE_FAILED,
        "The "
            + kind.id()
            + " engine could not "
            + what
            + " (HTTP "
            + status
            + "): "
            + Quote.of(messageOf(body, body).strip(), 1000),
        "Check the engine's log; run with --verbose to see each request to the engine.");
  }

  /** The {@code message} of an error body, or {@code otherwise} when it has none. */
  static String messageOf(String body, String otherwise) {
    try {
      Object m = Json.parseObject(body).get("message");
      return m instanceof String s ? s : otherwise;
    } catch (JsonException notJson) {
      return otherwise;
    }
  }

  /** What a broken exchange is to the user: the engine unreachable, or failed. */
  AppboxException failure(IOException e) {
    if (e instanceof EngineReplyException reply) {
      return replyFailed(reply);
    }
    return new AppboxException(
        ErrorCode.ENGINE_UNREACHABLE,
        "Lost the connection to " + kind.id() + " at " + http.socket() + ": " + e.getMessage(),
        "Check that the engine is running: appbox doctor",
        e);
  }

  /** A reply that did not come in time or broke the protocol: the engine failed. */
  private AppboxException replyFailed(EngineReplyException e) {
    EngineTimeouts t = http.timeouts();
    return new AppboxException(
        ErrorCode.ENGINE_FAILED,
        "The " + kind.id() + " engine at " + http.socket() + " " + e.getMessage() + ".",
        e.stalled()
            ? "The engine may be hung; check it and its log. appbox waits "
                + t.reply().toSeconds()
                + " s for an ordinary answer and "
                + (t.longWait().isZero() ? "without limit" : t.longWait().toSeconds() + " s")
                + " during pulls, snapshots and commands in a box: engine-timeouts in"
                + " config.yaml changes that."
            : "Something that is not the engine may be listening there, or the engine is"
                + " broken; check its log.",
        e);
  }

  private static void logged(ApiRequest request, int status, long startNanos) {
    if (Log.debug()) {
      long ms = (System.nanoTime() - startNanos) / 1_000_000;
      Log.debug(
          "engine",
          request.method()
              + " "
              + Log.printable(request.path())
              + " "
              + (status < 0 ? "failed" : String.valueOf(status))
              + " "
              + ms
              + " ms");
    }
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static byte[] bytes(Object json) {
    return Json.write(json).getBytes(StandardCharsets.UTF_8);
  }
}
