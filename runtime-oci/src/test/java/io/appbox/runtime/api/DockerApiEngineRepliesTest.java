package io.appbox.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ErrorCode;
import io.appbox.core.engine.EngineInfo;
import io.appbox.core.engine.EngineKind;
import io.appbox.core.engine.ExecRequest;
import io.appbox.runtime.api.FakeEngineSocket.Answer;
import io.appbox.runtime.api.FakeEngineSocket.Then;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the user gets when the engine hangs or answers garbage: the engine's error code (exit 1),
 * the request named, a hint; never "Unexpected error", never a hang. (The timeout only keeps a
 * regression from hanging the build.)
 */
@Timeout(60)
class DockerApiEngineRepliesTest {
  static final EngineTimeouts SHORT =
      new EngineTimeouts(Duration.ofMillis(300), Duration.ofMillis(600));
  static final String OK_HEAD = "HTTP/1.1 200 OK\r\n";

  @TempDir Path dir;

  static String json(String body) {
    return OK_HEAD + "Content-Length: " + body.length() + "\r\n\r\n" + body;
  }

  static Stream<Arguments> cases() {
    Consumer<DockerApiEngine> list = DockerApiEngine::list;
    Consumer<DockerApiEngine> inspect = e -> e.inspect(BoxName.of("dev"));
    Consumer<DockerApiEngine> exec =
        e -> e.exec(BoxName.of("dev"), ExecRequest.asRoot(List.of("true"), Map.of()), (s, l) -> {});
    Consumer<DockerApiEngine> stop = e -> e.stop(BoxName.of("dev"), 1);
    return Stream.of(
        Arguments.of("list, silent", list, Answer.of("", Then.STALL), "GET /v1.41/containers/json"),
        Arguments.of(
            "list, not JSON", list, Answer.of(json("{{{{"), Then.CLOSE), "the body is not JSON"),
        Arguments.of(
            "list, truncated",
            list,
            Answer.of(OK_HEAD + "Content-Length: 50\r\n\r\n[{\"Id\":", Then.CLOSE),
            "the body ended after 7 of the 50 bytes"),
        Arguments.of(
            "list, garbage chunk size",
            list,
            Answer.of(
                OK_HEAD + "Transfer-Encoding: chunked\r\n\r\nxyz\r\n[]\r\n0\r\n\r\n", Then.CLOSE),
            "the chunk size \"xyz\" is not hexadecimal"),
        Arguments.of(
            "inspect, an array for an object",
            inspect,
            Answer.of(json("[1, 2]"), Then.CLOSE),
            "GET /v1.41/containers/dev/json: the body is not a JSON object"),
        Arguments.of(
            "stop, silent beyond the long timeout",
            stop,
            Answer.of("", Then.STALL),
            "POST /v1.41/containers/dev/stop"),
        Arguments.of(
            "exec, its output cut in a frame",
            exec,
            null,
            "POST /v1.41/exec/abc/start: the output stream ended in the middle of a frame"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aHungOrBrokenEngineIsTheEnginesFailureNamingTheRequest(
      String what, Consumer<DockerApiEngine> call, Answer answer, String says) throws Exception {
    try (FakeEngineSocket fake =
        new FakeEngineSocket(dir.resolve("engine.sock"), r -> answer != null ? answer : exec(r))) {
      DockerApiEngine engine =
          new DockerApiEngine(
              new UnixHttpClient(fake.socket, SHORT),
              new EngineInfo(EngineKind.DOCKER, false, fake.socket, "20.10", Optional.empty()));
      assertThatThrownBy(() -> call.accept(engine))
          .isInstanceOfSatisfying(
              AppboxException.class,
              e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.ENGINE_FAILED);
                assertThat(e.getMessage()).startsWith("The docker engine at ").contains(says);
                assertThat(e.hint()).isNotEmpty();
              });
    }
  }

  /** An exec that is created, then sends half a frame of output and closes. */
  private static Answer exec(String requestLine) {
    if (requestLine.startsWith("POST /v1.41/containers/dev/exec ")) {
      return Answer.of(json("{\"Id\":\"abc\"}"), Then.CLOSE);
    }
    // A frame header announcing 100 bytes of stdout, then 3 of them.
    return Answer.of(
        OK_HEAD
            + "Content-Type: application/vnd.docker.raw-stream\r\n\r\n"
            + "\u0001\u0000\u0000\u0000\u0000\u0000\u0000\u0064abc",
        Then.CLOSE);
  }
}
