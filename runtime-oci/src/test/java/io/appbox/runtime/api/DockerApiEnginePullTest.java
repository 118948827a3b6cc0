package io.appbox.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.appbox.core.AppboxException;
import io.appbox.core.ErrorCode;
import io.appbox.core.ImageRef;
import io.appbox.core.engine.EngineInfo;
import io.appbox.core.engine.EngineKind;
import io.appbox.runtime.api.FakeEngineSocket.Answer;
import io.appbox.runtime.api.FakeEngineSocket.Then;
import io.appbox.runtime.registry.RegistryCredentials;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a pull asks the engine for, on a real unix socket, and how its failures read. */
@Timeout(60)
class DockerApiEnginePullTest {
  private static final String DIGEST =
      "sha256:8883826861a85c4e18512d68a838ab4e2ecb68fd4cbf5d43c4df269b2394376e";

  @TempDir Path dir;

  private static Answer events(String... lines) {
    String body = String.join("\n", lines) + "\n";
    return Answer.of(
        "HTTP/1.1 200 OK\r\nContent-Length: "
            + body.getBytes(StandardCharsets.UTF_8).length
            + "\r\n\r\n"
            + body,
        Then.CLOSE);
  }

  private DockerApiEngine engine(FakeEngineSocket fake, RegistryCredentials credentials) {
    return new DockerApiEngine(
        new UnixHttpClient(
            fake.socket, new EngineTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5))),
        new EngineInfo(EngineKind.DOCKER, false, fake.socket, "20.10", Optional.empty()),
        credentials,
        null);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "localhost:5000/appbox/arch@" + DIGEST + ", localhost%3A5000%2Fappbox%2Farch, " + DIGEST,
    "localhost:5000/appbox/arch:1@" + DIGEST + ", localhost%3A5000%2Fappbox%2Farch, " + DIGEST,
    "quay.io/almalinuxorg/almalinux:9, quay.io%2Falmalinuxorg%2Falmalinux, 9",
    "docker.io/library/debian, docker.io%2Flibrary%2Fdebian, latest"
  })
  void aDigestIsPulledAsItselfNeverAsLatest(String reference, String from, String tag)
      throws Exception {
    try (FakeEngineSocket fake =
        new FakeEngineSocket(
            dir.resolve("engine.sock"), r -> events("{\"status\":\"Pulling from x\"}"))) {
      engine(fake, RegistryCredentials.NONE).pull(ImageRef.parse(reference), (l, s, d, t) -> {});

      assertThat(fake.requests)
          .containsExactly(
              "POST /v1.41/images/create?fromImage="
                  + from
                  + "&tag="
                  + tag.replace(":", "%3A")
                  + " HTTP/1.1");
    }
  }

  @Test
  void theUsersLoginFromTheAuthFileGoesWithThePull() throws Exception {
    Path auth = dir.resolve("auth.json");
    String pair =
        Base64.getEncoder().encodeToString("ann:pa ss:word".getBytes(StandardCharsets.UTF_8));
    Files.writeString(
        auth,
        "{\"auths\":{\"other.example:5000\":{\"auth\":\"eDp5\"},"
            + "\"localhost:5000\":{\"auth\":\""
            + pair
            + "\"}}}");
    RegistryCredentials credentials =
        RegistryCredentials.from(Map.of("REGISTRY_AUTH_FILE", auth.toString()));
    try (FakeEngineSocket fake =
        new FakeEngineSocket(dir.resolve("engine.sock"), r -> events("{\"status\":\"done\"}"))) {
      engine(fake, credentials).pull(ImageRef.parse("localhost:5000/a/b:1"), (l, s, d, t) -> {});
      engine(fake, credentials).pull(ImageRef.parse("quay.io/a/b:1"), (l, s, d, t) -> {});

      String header =
          fake.heads
              .get(0)
              .lines()
              .filter(l -> l.startsWith("X-Registry-Auth: "))
              .findFirst()
              .orElseThrow()
              .substring(17);
      assertThat(new String(Base64.getUrlDecoder().decode(header), StandardCharsets.UTF_8))
          .isEqualTo(
              "{\"username\":\"ann\",\"password\":\"pa ss:word\",\"serveraddress\":\"localhost:5000\"}");
      assertThat(fake.heads.get(1)).doesNotContain("X-Registry-Auth");
    }
  }

  @Test
  void layersReportTheirBytesAsTheEngineCountsThem() throws Exception {
    List<String> seen = new ArrayList<>();
    try (FakeEngineSocket fake =
        new FakeEngineSocket(
            dir.resolve("engine.sock"),
            r ->
                events(
                    "{\"status\":\"Pulling fs layer\",\"progressDetail\":{},\"id\":\"aaa\"}",
                    "{\"status\":\"Downloading\",\"progressDetail\":{\"current\":10,\"total\":40},\"id\":\"aaa\"}",
                    "{\"status\":\"Download complete\",\"progressDetail\":{},\"id\":\"aaa\"}"))) {
      engine(fake, RegistryCredentials.NONE)
          .pull(
              ImageRef.parse("localhost:5000/a/b:1"),
              (layer, status, done, total) ->
                  seen.add(layer + " " + status + " " + done + "/" + total));
    }
    assertThat(seen)
        .containsExactly(
            "aaa Pulling fs layer -1/-1", "aaa Downloading 10/40", "aaa Download complete -1/-1");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "pinging container registry localhost:5000: Get \\\"https://localhost:5000/v2/\\\": x509: certificate signed by unknown authority | FAILED | the certificate of localhost:5000 is not trusted",
        "unauthorized: authentication required | FAILED | localhost:5000 wants a login",
        "pinging container registry localhost:5000: Get \\\"https://localhost:5000/v2/\\\": dial tcp 127.0.0.1:5000: connect: connection refused | FAILED | the registry localhost:5000 cannot be reached",
        "reading manifest 1 in localhost:5000/a/b: manifest unknown | IMAGE_NOT_FOUND | Could not pull localhost:5000/a/b:1"
      })
  void aFailedPullSaysWhatWentWrongWithTheRegistry(String error, ErrorCode code, String says)
      throws Exception {
    try (FakeEngineSocket fake =
        new FakeEngineSocket(
            dir.resolve("engine.sock"),
            r -> events("{\"errorDetail\":{},\"error\":\"" + error + "\"}"))) {
      assertThatThrownBy(
              () ->
                  engine(fake, RegistryCredentials.NONE)
                      .pull(ImageRef.parse("localhost:5000/a/b:1"), (l, s, d, t) -> {}))
          .isInstanceOfSatisfying(
              AppboxException.class,
              e -> {
                assertThat(e.code()).isEqualTo(code);
                assertThat(e.getMessage()).contains(says);
                assertThat(e.hint()).isNotBlank();
              });
    }
  }
}
