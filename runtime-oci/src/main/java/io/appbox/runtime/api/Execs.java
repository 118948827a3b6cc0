package io.appbox.runtime.api;

import static io.appbox.runtime.api.EngineTransport.encode;
import static io.appbox.runtime.api.EngineTransport.notFoundIsNoBox;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ErrorCode;
import io.appbox.core.engine.ExecRequest;
import io.appbox.core.engine.ExecResult;
import io.appbox.core.engine.OutputListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Commands run in a box through the engine's exec: create it, attach to its output until the stream
 * ends (which is when the command has ended), then read its exit status.
 */
final class Execs {
  /**
   * How long the exit status may lag behind the end of the output: the engines close the stream
   * when the process exits and record its status a moment later, so an inspect right after may
   * still say running. Waited for in growing steps, never longer than this.
   */
  static final Duration EXIT_STATUS_LAG = Duration.ofSeconds(5);

  private final EngineTransport api;
  private final LongConsumer sleep;

  Execs(EngineTransport api) {
    this(api, Execs::sleep);
  }

  /** With {@code sleep} for the waits between reads of a lagging exit status (tests). */
  Execs(EngineTransport api, LongConsumer sleep) {
    this.api = api;
    this.sleep = sleep;
  }

  ExecResult exec(BoxName name, ExecRequest request, OutputListener listener) {
    String id = create(name, request);
    MultiplexedStream output = new MultiplexedStream(listener);
    ApiRequest start =
        ApiRequest.of("POST", EngineTransport.path("/exec/" + id + "/start"))
            .json("{\"Detach\":false,\"Tty\":false}".getBytes(StandardCharsets.UTF_8))
            .patiently();
    try (StreamedResponse r = api.stream(start)) {
      if (r.status() >= 300) {
        throw api.refused(
            "run a command in box " + name,
            r.status(),
            new String(r.body().readAllBytes(), StandardCharsets.UTF_8));
      }
      output.readAll(r.body(), start.describe());
    } catch (IOException e) {
      throw api.failure(e);
    }
    return new ExecResult(exitStatus(id), output.stdoutBytes(), output.stderr());
  }

  private String create(BoxName name, ExecRequest request) {
    Map<String, Object> create = new LinkedHashMap<>();
    create.put("AttachStdin", false);
    create.put("AttachStdout", true);
    create.put("AttachStderr", true);
    create.put("Tty", false);
    create.put("Cmd", request.argv());
    create.put("Env", ContainerCreation.environment(request.environment()));
    create.put("User", request.user());
    if (request.workdir() != null) {
      create.put("WorkingDir", request.workdir());
    }
    HttpResponse r = api.call("POST", "/containers/" + encode(name.value()) + "/exec", create);
    notFoundIsNoBox(r, name);
    if (r.status() == 409) {
      throw new AppboxException(
          ErrorCode.ENGINE_FAILED,
          "Box " + name + " is not running.",
          "Start it: appbox start " + name);
    }
    api.expectOk(r, "run a command in box " + name);
    Object id = api.object(r).get("Id");
    if (!(id instanceof String s) || !s.matches("[A-Za-z0-9]+")) {
      throw api.failure(
          EngineReplyException.malformed(r.request(), "the exec's Id is missing or not an id"));
    }
    return s;
  }

  /** The status of the ended command: one read, more only while the engine lags. */
  private int exitStatus(String id) {
    long waited = 0;
    for (long step = 1; ; step = Math.min(step * 2, 100)) {
      HttpResponse r = api.call("GET", "/exec/" + id + "/json");
      api.expectOk(r, "read the exit status of a command");
      ExecState state = ExecState.from(api.object(r));
      if (!state.running()) {
        return state.exitCode();
      }
      if (waited >= EXIT_STATUS_LAG.toMillis()) {
        throw new AppboxException(
            ErrorCode.ENGINE_FAILED,
            "The engine did not report how a command in the box ended.",
            "Try again; if it persists, check the engine: appbox doctor");
      }
      sleep.accept(step);
      waited += step;
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AppboxException(
          ErrorCode.ENGINE_FAILED,
          "Interrupted while waiting for the engine to say how a command in the box ended.",
          "");
    }
  }
}
