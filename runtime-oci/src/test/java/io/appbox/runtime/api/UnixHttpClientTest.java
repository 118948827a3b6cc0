package io.appbox.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.appbox.runtime.api.FakeEngineSocket.Answer;
import io.appbox.runtime.api.FakeEngineSocket.Then;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The transport against an engine on a real unix socket that stalls, truncates and sends garbage:
 * every such reply fails with an {@link EngineReplyException} naming the request, and no wait is
 * endless. (The timeout of each test only keeps a regression from hanging the build.)
 */
@Timeout(60)
class UnixHttpClientTest {
  static final EngineTimeouts SHORT =
      new EngineTimeouts(Duration.ofMillis(300), Duration.ofSeconds(20));
  static final String OK_HEAD = "HTTP/1.1 200 OK\r\n";

  @TempDir Path dir;

  static Stream<Arguments> badReplies() {
    String chunked = OK_HEAD + "Transfer-Encoding: chunked\r\n\r\n";
    return Stream.of(
        Arguments.of("silent", Answer.of("", Then.STALL), "sent nothing for"),
        Arguments.of(
            "silent after the status line", Answer.of(OK_HEAD, Then.STALL), "sent nothing for"),
        Arguments.of(
            "silent in the middle of the body",
            Answer.of(OK_HEAD + "Content-Length: 10\r\n\r\nabc", Then.STALL),
            "sent nothing for"),
        Arguments.of(
            "silent between chunks",
            Answer.of(chunked + "5\r\nhello\r\n", Then.STALL),
            "sent nothing for"),
        Arguments.of(
            "a body shorter than its length",
            Answer.of(OK_HEAD + "Content-Length: 100\r\n\r\n{\"a\":", Then.CLOSE),
            "the body ended after 5 of the 100 bytes"),
        Arguments.of(
            "a chunk size that is not hexadecimal",
            Answer.of(chunked + "zz\r\nhello\r\n0\r\n\r\n", Then.CLOSE),
            "the chunk size \"zz\" is not hexadecimal"),
        Arguments.of(
            "a negative chunk size",
            Answer.of(chunked + "-5\r\nhello\r\n0\r\n\r\n", Then.CLOSE),
            "is not hexadecimal"),
        Arguments.of(
            "a chunk size too large for any body",
            Answer.of(chunked + "ffffffffffffffffffff\r\n", Then.CLOSE),
            "is not hexadecimal"),
        Arguments.of(
            "an empty chunk size line",
            Answer.of(chunked + "\r\nhello", Then.CLOSE),
            "is not hexadecimal"),
        Arguments.of(
            "a chunk longer than its size",
            Answer.of(chunked + "3\r\nhello\r\n0\r\n\r\n", Then.CLOSE),
            "lacks its line end"),
        Arguments.of(
            "a chunked body without its last chunk",
            Answer.of(chunked + "5\r\nhello\r\n", Then.CLOSE),
            "before the body's last chunk"),
        Arguments.of(
            "a chunk cut short",
            Answer.of(chunked + "a\r\nhel", Then.CLOSE),
            "in the middle of a chunk"),
        Arguments.of(
            "not HTTP at all",
            Answer.of("SSH-2.0-OpenSSH_9.2\r\n", Then.CLOSE),
            "the status line is not HTTP/1.1: \"SSH-2.0-OpenSSH_9.2\""),
        Arguments.of(
            "a status that is not a number",
            Answer.of("HTTP/1.1 2xx OK\r\n\r\n", Then.CLOSE),
            "the status line is not HTTP/1.1"),
        Arguments.of(
            "a status line with control characters",
            Answer.of("HTTP/1.1 \u001b[31m200\r\n", Then.CLOSE),
            "\\x1b"),
        Arguments.of(
            "no answer at all",
            Answer.of("", Then.CLOSE),
            "the connection closed without an answer"),
        Arguments.of(
            "headers that never end",
            Answer.of(OK_HEAD + "Content-Type: application/json\r\n", Then.CLOSE),
            "before the end of the headers"),
        Arguments.of(
            "a Content-Length that is not a number",
            Answer.of(OK_HEAD + "Content-Length: ten\r\n\r\nten bytes.", Then.CLOSE),
            "the Content-Length is not a number: \"ten\""),
        Arguments.of(
            "a negative Content-Length",
            Answer.of(OK_HEAD + "Content-Length: -1\r\n\r\n", Then.CLOSE),
            "the Content-Length is not a number"),
        Arguments.of(
            "an unknown transfer encoding",
            Answer.of(OK_HEAD + "Transfer-Encoding: gzip\r\n\r\nxx", Then.CLOSE),
            "unknown Transfer-Encoding"),
        Arguments.of(
            "a header line without end",
            Answer.of(OK_HEAD + "X: " + "a".repeat(70_000), Then.CLOSE),
            "longer than 64 KiB"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badReplies")
  void aBadReplyFailsNamingTheRequest(String what, Answer answer, String says) throws Exception {
    try (FakeEngineSocket engine = new FakeEngineSocket(dir.resolve("engine.sock"), r -> answer)) {
      UnixHttpClient client = new UnixHttpClient(engine.socket, SHORT);
      assertThatThrownBy(() -> client.send(ApiRequest.of("GET", "/v1.41/containers/json?all=true")))
          .isInstanceOfSatisfying(
              EngineReplyException.class,
              e -> {
                assertThat(e.request()).isEqualTo("GET /v1.41/containers/json");
                assertThat(e.getMessage())
                    .contains("GET /v1.41/containers/json")
                    .contains(says)
                    .doesNotContain("\u001b");
                assertThat(e.stalled()).isEqualTo(says.startsWith("sent nothing"));
              });
    }
  }

  @Test
  void aWellFormedReplyIsReadWhole() throws Exception {
    String wire =
        OK_HEAD + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\n\r\n";
    try (FakeEngineSocket engine =
        new FakeEngineSocket(dir.resolve("engine.sock"), r -> Answer.of(wire, Then.CLOSE))) {
      HttpResponse r =
          new UnixHttpClient(engine.socket, SHORT).send(ApiRequest.of("GET", "/_ping"));
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.text()).isEqualTo("hello, world");
      assertThat(r.request()).isEqualTo("GET /_ping");
      assertThat(engine.requests).containsExactly("GET /_ping HTTP/1.1");
    }
  }

  @Test
  void aLongRequestWaitsThroughASilenceLongerThanAnOrdinaryAnswerMay() throws Exception {
    // A package manager's script printing nothing for a while: the stream goes on afterwards.
    try (FakeEngineSocket engine =
        new FakeEngineSocket(
            dir.resolve("engine.sock"),
            r ->
                Answer.paused(
                    OK_HEAD + "Content-Length: 9\r\n\r\nbefore", 1_000, "...after-ignored"))) {
      UnixHttpClient client = new UnixHttpClient(engine.socket, SHORT);
      try (StreamedResponse r = client.stream(ApiRequest.of("POST", "/exec/1/start").patiently())) {
        assertThat(new String(r.body().readAllBytes(), StandardCharsets.US_ASCII))
            .isEqualTo("before...");
      }
      // The same silence in an ordinary request is a stalled engine.
      assertThatThrownBy(() -> client.send(ApiRequest.of("GET", "/containers/json")))
          .isInstanceOfSatisfying(
              EngineReplyException.class, e -> assertThat(e.stalled()).isTrue());
    }
  }

  @Test
  void aSocketNobodyListensOnIsAnIoErrorNotAReplyError() {
    UnixHttpClient client = new UnixHttpClient(dir.resolve("nobody.sock"), SHORT);
    assertThatThrownBy(() -> client.send(ApiRequest.of("GET", "/_ping")))
        .isInstanceOf(java.io.IOException.class)
        .isNotInstanceOf(EngineReplyException.class);
  }
}
