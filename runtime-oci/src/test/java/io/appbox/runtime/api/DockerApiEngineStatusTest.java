package io.appbox.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ErrorCode;
import io.appbox.core.ImageRef;
import io.appbox.core.engine.ContainerSpec;
import io.appbox.core.engine.EngineInfo;
import io.appbox.core.engine.EngineKind;
import io.appbox.core.engine.ExecRequest;
import io.appbox.core.engine.ExecResult;
import io.appbox.core.log.Log;
import io.appbox.runtime.api.FakeEngineSocket.Answer;
import io.appbox.runtime.api.FakeEngineSocket.Then;
import io.appbox.runtime.registry.RegistryCredentials;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What each engine operation makes of the engine's statuses and bodies, on a real unix socket: 304
 * is "already so", 404 and 409 are what the user did wrong in the user's words, any other error is
 * the engine's failure quoting its message, and a body that is not what was asked for is the
 * engine's failure naming the request.
 */
@Timeout(60)
class DockerApiEngineStatusTest {
  static final EngineTimeouts SHORT =
      new EngineTimeouts(Duration.ofMillis(500), Duration.ofSeconds(5));
  static final BoxName DEV = BoxName.of("dev");

  @TempDir Path dir;

  @AfterEach
  void logOff() {
    Log.configure(Log.Level.OFF, line -> {});
  }

  static Answer reply(int status, String body) {
    return Answer.of(
        "HTTP/1.1 "
            + status
            + " X\r\nContent-Type: application/json\r\nContent-Length: "
            + body.length()
            + "\r\n\r\n"
            + body,
        Then.CLOSE);
  }

  static Answer chunked(String... chunks) {
    StringBuilder wire = new StringBuilder("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
    for (String c : chunks) {
      wire.append(Integer.toHexString(c.length())).append("\r\n").append(c).append("\r\n");
    }
    return Answer.of(wire.append("0\r\n\r\n").toString(), Then.CLOSE);
  }

  private DockerApiEngine engine(FakeEngineSocket fake) {
    return new DockerApiEngine(
        new UnixHttpClient(fake.socket, SHORT),
        new EngineInfo(EngineKind.PODMAN, true, fake.socket, "4.9", Optional.empty()),
        RegistryCredentials.NONE,
        null,
        new FakeHost(false, false));
  }

  private int sockets;

  private FakeEngineSocket fake(Function<String, Answer> script) throws Exception {
    return new FakeEngineSocket(dir.resolve("engine" + sockets++ + ".sock"), script);
  }

  static ContainerSpec spec() {
    return new ContainerSpec(
        DEV,
        ImageRef.parse("docker.io/library/debian:12"),
        List.of("sleep", "infinity"),
        Map.of(),
        List.of(),
        List.of(),
        Map.of(),
        true,
        List.of());
  }

  static Stream<Arguments> userErrors() {
    Consumer<DockerApiEngine> start = e -> e.start(DEV);
    Consumer<DockerApiEngine> stop = e -> e.stop(DEV, 1);
    Consumer<DockerApiEngine> remove = e -> e.remove(DEV, false);
    Consumer<DockerApiEngine> rename = e -> e.rename(DEV, BoxName.of("other"));
    Consumer<DockerApiEngine> specOf = e -> e.specOf(DEV);
    Consumer<DockerApiEngine> commit =
        e -> e.commit(DEV, ImageRef.parse("localhost/appbox/dev:1"), Map.of("a", "b c"));
    Consumer<DockerApiEngine> exec =
        e -> e.exec(DEV, ExecRequest.asRoot(List.of("true"), Map.of()), (s, l) -> {});
    Consumer<DockerApiEngine> create = e -> e.create(spec());
    String gone = "{\"message\":\"no such container\"}";
    return Stream.of(
        Arguments.of("start, no box", start, 404, ErrorCode.BOX_NOT_FOUND, "dev"),
        Arguments.of("stop, no box", stop, 404, ErrorCode.BOX_NOT_FOUND, "dev"),
        Arguments.of("remove, no box", remove, 404, ErrorCode.BOX_NOT_FOUND, "dev"),
        Arguments.of("rename, no box", rename, 404, ErrorCode.BOX_NOT_FOUND, "dev"),
        Arguments.of("spec, no box", specOf, 404, ErrorCode.BOX_NOT_FOUND, "dev"),
        Arguments.of("snapshot, no box", commit, 404, ErrorCode.BOX_NOT_FOUND, "dev"),
        Arguments.of("exec, no box", exec, 404, ErrorCode.BOX_NOT_FOUND, "dev"),
        Arguments.of("create, no image", create, 404, ErrorCode.IMAGE_NOT_FOUND, "debian:12"),
        Arguments.of("create, name taken", create, 409, ErrorCode.BOX_EXISTS, "already exists"),
        Arguments.of("remove, running", remove, 409, ErrorCode.FAILED, "is running"),
        Arguments.of("exec, stopped", exec, 409, ErrorCode.ENGINE_FAILED, "is not running"),
        Arguments.of("start, engine error", start, 500, ErrorCode.ENGINE_FAILED, gone),
        Arguments.of("rename, name taken", rename, 409, ErrorCode.ENGINE_FAILED, gone));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("userErrors")
  void aStatusIsSaidInTheUsersWords(
      String what, Consumer<DockerApiEngine> call, int status, ErrorCode code, String says)
      throws Exception {
    String body = "{\"message\":\"no such container\"}";
    try (FakeEngineSocket fake = fake(r -> reply(status, body))) {
      assertThatThrownBy(() -> call.accept(engine(fake)))
          .isInstanceOfSatisfying(
              AppboxException.class,
              e -> {
                assertThat(e.code()).isEqualTo(code);
                assertThat(e.getMessage()).contains(says.equals(body) ? "no such container" : says);
                assertThat(e.hint()).isNotBlank();
              });
    }
  }

  @Test
  void anEngineErrorQuotesTheEnginesMessageAndTheStatus() throws Exception {
    try (FakeEngineSocket fake = fake(r -> reply(500, "{\"message\":\"disk full\"}"))) {
      assertThatThrownBy(() -> engine(fake).start(DEV))
          .hasMessage("The podman engine could not start box dev (HTTP 500): 'disk full'");
    }
  }

  @Test
  void notModifiedIsAlreadyStartedOrAlreadyStopped() throws Exception {
    try (FakeEngineSocket fake = fake(r -> reply(304, ""))) {
      engine(fake).start(DEV);
      engine(fake).stop(DEV, 3);
      assertThat(fake.requests)
          .containsExactly(
              "POST /v1.41/containers/dev/start HTTP/1.1",
              "POST /v1.41/containers/dev/stop?t=3 HTTP/1.1");
    }
  }

  @Test
  void whatIsNotThereIsAnAnswerNotAFailure() throws Exception {
    try (FakeEngineSocket fake = fake(r -> reply(404, "{\"message\":\"no such\"}"))) {
      DockerApiEngine engine = engine(fake);
      assertThat(engine.inspect(DEV)).isEmpty();
      assertThat(engine.imageExists(ImageRef.parse("localhost/appbox/x:1"))).isFalse();
      engine.removeImage("localhost/appbox/x:1");
    }
  }

  @Test
  void inspectAndSpecReadOneReplyAndAnIdPrefixIsNotTheBox() throws Exception {
    String dev =
        "{\"Id\":\"c1\",\"Name\":\"/dev\",\"State\":{\"Running\":true,\"Status\":\"running\","
            + "\"Pid\":42},\"Config\":{\"Image\":\"docker.io/library/debian:12\","
            + "\"Cmd\":[\"sleep\",\"infinity\"],\"Labels\":{\"io.appbox.manager\":\"appbox\"}},"
            + "\"HostConfig\":{\"Binds\":[\"/home:/home:rw,rslave\"]}}";
    try (FakeEngineSocket fake =
        fake(r -> reply(200, r.contains("/containers/dev/") ? dev : dev.replace("/dev", "/d")))) {
      DockerApiEngine engine = engine(fake);
      assertThat(engine.inspect(DEV))
          .hasValueSatisfying(
              s -> {
                assertThat(s.running()).isTrue();
                assertThat(s.pid()).isEqualTo(42);
              });
      assertThat(engine.specOf(DEV).command()).containsExactly("sleep", "infinity");
      assertThat(engine.inspect(BoxName.of("de"))).isEmpty();
      assertThat(fake.requests).hasSize(3);
      // What a restore reads before it sets the box aside: both, from one request.
      assertThat(engine.inspectWithSpec(DEV))
          .hasValueSatisfying(
              b -> {
                assertThat(b.state().pid()).isEqualTo(42);
                assertThat(b.spec().mounts()).hasSize(1);
              });
      assertThat(fake.requests).hasSize(4);
    }
  }

  @Test
  void aChunkedListIsReadWholeAndForeignNamesAreLeftOut() throws Exception {
    try (FakeEngineSocket fake =
        fake(
            r ->
                chunked(
                    "[{\"Id\":\"c1\",\"Names\":[\"/dev\"],\"Image\":\"debian\",",
                    "\"State\":\"running\",\"Labels\":{}},",
                    "{\"Id\":\"c2\",\"Names\":[\"/Not A Box\"],\"State\":\"exited\"},",
                    "{\"Id\":\"c3\",\"Names\":[],\"State\":\"exited\"}]"))) {
      assertThat(engine(fake).list())
          .singleElement()
          .satisfies(
              s -> {
                assertThat(s.name()).isEqualTo(DEV);
                assertThat(s.running()).isTrue();
              });
    }
  }

  static Stream<Arguments> malformed() {
    Consumer<DockerApiEngine> list = DockerApiEngine::list;
    Consumer<DockerApiEngine> inspect = e -> e.inspect(DEV);
    Consumer<DockerApiEngine> images = e -> e.images("a", "b");
    return Stream.of(
        Arguments.of("list, an object", list, reply(200, "{}"), "the body is not a JSON array"),
        Arguments.of("list, cut JSON", list, reply(200, "[{\"Id\":"), "the body is not JSON"),
        Arguments.of(
            "list, chunked and cut",
            list,
            Answer.of("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n[{}", Then.CLOSE),
            "in the middle of a chunk"),
        Arguments.of(
            "list, a garbage chunk size",
            list,
            Answer.of("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0x5\r\n", Then.CLOSE),
            "is not hexadecimal"),
        Arguments.of("list, stalled", list, Answer.of("", Then.STALL), "sent nothing for"),
        Arguments.of("inspect, a string", inspect, reply(200, "\"dev\""), "not a JSON object"),
        Arguments.of("inspect, garbage", inspect, reply(200, "<html>"), "the body is not JSON"),
        Arguments.of("images, null", images, reply(200, "null"), "not a JSON array"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void aBodyThatIsNotWhatWasAskedForIsTheEnginesFailure(
      String what, Consumer<DockerApiEngine> call, Answer answer, String says) throws Exception {
    try (FakeEngineSocket fake = fake(r -> answer)) {
      assertThatThrownBy(() -> call.accept(engine(fake)))
          .isInstanceOfSatisfying(
              AppboxException.class,
              e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.ENGINE_FAILED);
                assertThat(e.getMessage())
                    .startsWith("The podman engine at " + fake.socket)
                    .contains("GET /v1.41/")
                    .contains(says);
                assertThat(e.hint()).isNotBlank();
              });
    }
  }

  @Test
  void aSocketNobodyListensOnIsTheEngineUnreachable() {
    DockerApiEngine engine =
        new DockerApiEngine(
            new UnixHttpClient(dir.resolve("nobody.sock"), SHORT),
            new EngineInfo(EngineKind.DOCKER, false, dir, "20.10", Optional.empty()));
    assertThatThrownBy(engine::list)
        .isInstanceOfSatisfying(
            AppboxException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.ENGINE_UNREACHABLE));
  }

  /** An exec whose status the engine reports as running {@code lagging} times after its end. */
  private static Function<String, Answer> exec(int lagging, AtomicInteger inspected) {
    return r -> {
      if (r.startsWith("POST /v1.41/containers/dev/exec ")) {
        return reply(201, "{\"Id\":\"e1\"}");
      }
      if (r.startsWith("POST /v1.41/exec/e1/start ")) {
        return Answer.of(
            "HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.raw-stream\r\n\r\n"
                + "\u0001\u0000\u0000\u0000\u0000\u0000\u0000\u0003hi\n"
                + "\u0002\u0000\u0000\u0000\u0000\u0000\u0000\u0004oh!\n",
            Then.CLOSE);
      }
      boolean running = inspected.incrementAndGet() <= lagging;
      return reply(200, "{\"Running\":" + running + ",\"ExitCode\":" + (running ? 0 : 3) + "}");
    };
  }

  @Test
  void anExecsStatusIsReadOnceAfterItsOutputEnds() throws Exception {
    AtomicInteger inspected = new AtomicInteger();
    List<String> lines = new ArrayList<>();
    try (FakeEngineSocket fake = fake(exec(0, inspected))) {
      ExecResult r =
          engine(fake)
              .exec(DEV, ExecRequest.asRoot(List.of("x"), Map.of()), (s, l) -> lines.add(s + l));
      assertThat(r.exitCode()).isEqualTo(3);
      assertThat(r.stdout()).isEqualTo("hi\n");
      assertThat(r.stderr()).isEqualTo("oh!\n");
      assertThat(lines).containsExactly("STDOUThi", "STDERRoh!");
      assertThat(inspected).hasValue(1);
    }
  }

  @Test
  void anExecsStatusThatLagsIsReadAgainInGrowingStepsThenGivenUp() throws Exception {
    AtomicInteger inspected = new AtomicInteger();
    List<Long> slept = new CopyOnWriteArrayList<>();
    try (FakeEngineSocket fake = fake(exec(3, inspected))) {
      Execs execs =
          new Execs(
              new EngineTransport(new UnixHttpClient(fake.socket, SHORT), EngineKind.DOCKER),
              slept::add);
      assertThat(
              execs.exec(DEV, ExecRequest.asRoot(List.of("x"), Map.of()), (s, l) -> {}).exitCode())
          .isEqualTo(3);
      assertThat(slept).containsExactly(1L, 2L, 4L);
    }
    inspected.set(0);
    slept.clear();
    try (FakeEngineSocket fake = fake(exec(Integer.MAX_VALUE, inspected))) {
      Execs execs =
          new Execs(
              new EngineTransport(new UnixHttpClient(fake.socket, SHORT), EngineKind.DOCKER),
              slept::add);
      assertThatThrownBy(
              () -> execs.exec(DEV, ExecRequest.asRoot(List.of("x"), Map.of()), (s, l) -> {}))
          .isInstanceOfSatisfying(
              AppboxException.class,
              e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.ENGINE_FAILED);
                assertThat(e.getMessage()).contains("did not report how a command");
              });
      assertThat(slept.stream().mapToLong(Long::longValue).sum())
          .isGreaterThanOrEqualTo(Execs.EXIT_STATUS_LAG.toMillis())
          .isLessThan(Execs.EXIT_STATUS_LAG.toMillis() + 100);
    }
  }

  @Test
  void anExecWithoutAnIdIsTheEnginesFailure() throws Exception {
    try (FakeEngineSocket fake = fake(r -> reply(201, "{\"Id\":\"../../x\"}"))) {
      assertThatThrownBy(
              () ->
                  engine(fake).exec(DEV, ExecRequest.asRoot(List.of("x"), Map.of()), (s, l) -> {}))
          .isInstanceOfSatisfying(
              AppboxException.class,
              e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.ENGINE_FAILED);
                assertThat(e.getMessage()).contains("the exec's Id is missing or not an id");
              });
    }
  }

  @Test
  void eachRequestIsLoggedWithItsStatusAndDurationWhenDebugIsOn() throws Exception {
    List<String> logged = new CopyOnWriteArrayList<>();
    try (FakeEngineSocket fake = fake(r -> reply(304, ""))) {
      engine(fake).start(DEV);
      assertThat(logged).isEmpty();
      Log.configure(Log.Level.INFO, logged::add);
      engine(fake).start(DEV);
      assertThat(logged).isEmpty();
      Log.configure(Log.Level.DEBUG, logged::add);
      engine(fake).start(DEV);
    }
    assertThat(logged)
        .singleElement()
        .asString()
        .matches("appbox: debug engine: POST /v1\\.41/containers/dev/start 304 [0-9]+ ms");
  }

  static Stream<Arguments> imports() {
    return Stream.of(
        Arguments.of(
            "{\"errorDetail\":{},\"error\":\"no space left\"}", "refused the image: no space left"),
        Arguments.of("{\"status\":\"Importing\"}", "did not say which image it imported"),
        Arguments.of("sha256:ab", "POST /v1.41/images/create: a progress line is not JSON"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("imports")
  void anImportThatSaysNoImageFailsAndTagsNothing(String line, String says) throws Exception {
    try (FakeEngineSocket fake = fake(r -> reply(200, line + "\n"))) {
      assertThatThrownBy(
              () ->
                  engine(fake)
                      .importRootfs(
                          new java.io.ByteArrayInputStream(new byte[] {1, 2, 3}),
                          ImageRef.parse("localhost/appbox/arch:1")))
          .isInstanceOfSatisfying(
              AppboxException.class,
              e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.ENGINE_FAILED);
                assertThat(e.getMessage()).contains(says);
              });
      assertThat(fake.requests).hasSize(1);
    }
  }

  @Test
  void anImportedImageIsTaggedAsAsked() throws Exception {
    try (FakeEngineSocket fake =
        fake(
            r ->
                r.contains("fromSrc")
                    ? reply(200, "{\"status\":\"Importing\"}\n{\"status\":\"sha256:ab12\"}\n")
                    : reply(201, ""))) {
      engine(fake)
          .importRootfs(
              new java.io.ByteArrayInputStream(new byte[] {1, 2, 3}),
              ImageRef.parse("localhost/appbox/arch:1"));
      assertThat(fake.requests)
          .containsExactly(
              "POST /v1.41/images/create?fromSrc=- HTTP/1.1",
              "POST /v1.41/images/sha256:ab12/tag?repo=localhost%2Fappbox%2Farch&tag=1 HTTP/1.1");
    }
  }

  /** A host without the probes' files. */
  static final class FakeHost extends HostProbe {
    private final boolean mqueue;
    private final boolean shared;

    FakeHost(boolean mqueue, boolean shared) {
      this.mqueue = mqueue;
      this.shared = shared;
    }

    @Override
    boolean hasMessageQueues() {
      return mqueue;
    }

    @Override
    boolean isShared(Path path) {
      return shared;
    }
  }
}
