package io.appbox.e2e;

import static io.appbox.e2e.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.appbox.core.json.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * `create --init`: systemd is the box's first process, installed from the profile's packages when
 * the image has none (the test image has none), so that a service enabled in the box answers, and
 * answers again after `stop` and `start`. Where the engine cannot give systemd a cgroup (rootless
 * Podman on this host, which delegates no cgroups to users), create says so and leaves nothing.
 */
@SuppressWarnings("unchecked")
class InitBoxTest {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @ParameterizedTest
  @EnumSource(
      value = Engine.class,
      names = {"ROOTFUL_PODMAN", "DOCKER"})
  void aServiceEnabledInAnInitBoxAnswersAgainAfterStopAndStart(Engine engine) throws Exception {
    try (Sandbox s = Sandbox.on(engine)) {
      String box = s.newBox();
      CommandResult created = s.appbox("create", box, "--init");
      assertThat(created).succeeded();
      assertThat(created.stdout()).contains("with systemd as its first process");
      String id = label(s, box, "io.appbox.id");
      assertThat(baseImages(s, id)).as("the image the box boots from").hasSize(1);

      // systemd is process 1, seen through the engine's way in (-v) and the fast path.
      assertThat(firstProcess(s, "-v", "run", box)).isEqualTo("systemd");
      assertThat(firstProcess(s, "run", box)).isEqualTo("systemd");
      assertThat(s.appbox("run", box, "--", "id", "-un").stdout().strip()).isEqualTo(s.user());
      assertThat(boxJson(s, box)).containsEntry("init", true);

      int port = freePort();
      assertThat(s.appbox("install", "--box", box, "python3")).succeeded();
      String unit =
          "[Unit]\nDescription=appbox e2e web server\n[Service]\n"
              + "ExecStart=/usr/bin/python3 -m http.server "
              + port
              + " --bind 127.0.0.1 --directory /srv/e2e\n[Install]\nWantedBy=multi-user.target\n";
      assertThat(
              s.appboxWithInput(
                  unit.getBytes(StandardCharsets.UTF_8),
                  "run",
                  "--root",
                  box,
                  "--",
                  "sh",
                  "-c",
                  "mkdir -p /srv/e2e && echo served-by-"
                      + box
                      + " > /srv/e2e/index.html"
                      + " && cat > /etc/systemd/system/e2e-web.service"))
          .succeeded();
      assertThat(s.appbox("run", "--root", box, "--", "systemctl", "enable", "--now", "e2e-web"))
          .succeeded();
      assertThat(awaitAnswer(port, 60)).contains("served-by-" + box);

      CommandResult stopped = s.appbox("stop", box);
      assertThat(stopped).succeeded();
      assertThat(awaitNoAnswer(port, 30)).as("the service stopped with the box").isTrue();
      assertThat(boxJson(s, box)).containsEntry("status", "stopped");

      assertThat(s.appbox("start", box)).succeeded();
      assertThat(awaitAnswer(port, 60)).as("enabled, it starts again").contains("served-by-" + box);
      assertThat(firstProcess(s, "run", box)).isEqualTo("systemd");

      assertThat(s.appbox("rm", "--force", box)).succeeded();
      assertThat(s.containerNames()).doesNotContain(box);
      assertThat(baseImages(s, id)).as("the image goes with the box").isEmpty();
    }
  }

  @Test
  void whereRootlessPodmanCannotGiveSystemdACgroupCreateSaysSoAndLeavesNothing() throws Exception {
    // A host with cgroup v2 alone can delegate cgroups to users, and there rootless init boxes
    // boot; this machine runs the hybrid hierarchy and delegates none (docs/design.md).
    assumeFalse(
        Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers")),
        "cgroup v2 alone: rootless Podman may boot systemd here");
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN)) {
      String box = s.newBox();
      CommandResult r = s.appbox("create", box, "--init");
      assertThat(r).exitedWith(4);
      assertThat(r.stderr())
          .contains("systemd could not start in box " + box, "cgroup", "Nothing was left behind");
      assertThat(s.containerNames()).doesNotContain(box);
      assertThat(s.engineCli("images", "-q", "localhost/appbox-init").stdout()).isBlank();
      assertThat(listJson(s)).noneMatch(b -> box.equals(b.get("name")));

      CommandResult json = s.appbox("--json", "create", box, "--init");
      assertThat(json).exitedWith(4);
      assertThat(json.stdout()).contains("\"code\":\"ENGINE_UNSUPPORTED\"");
      JsonSchemas schemas = new JsonSchemas();
      for (String line : json.stdout().lines().toList()) {
        schemas.assertValid("event.schema.json", JsonSchemas.parse(line), "create --init: " + line);
      }
      assertThat(s.containerNames()).doesNotContain(box);

      // A distro without systemd is refused before anything is made.
      CommandResult alpine = s.appbox("create", box, "--init", "--distro", "alpine");
      assertThat(alpine).exitedWith(2);
      assertThat(alpine.stderr()).contains("alpine", "systemd");
      assertThat(s.containerNames()).doesNotContain(box);
    }
  }

  private static String firstProcess(Sandbox s, String... runBox) {
    List<String> args = new java.util.ArrayList<>(List.of(runBox));
    args.addAll(List.of("--", "cat", "/proc/1/comm"));
    CommandResult r = s.appbox(args.toArray(String[]::new));
    assertThat(r).succeeded();
    return r.stdout().strip();
  }

  private static String label(Sandbox s, String box, String key) {
    CommandResult r =
        s.engineCli("inspect", "--format", "{{index .Config.Labels \"" + key + "\"}}", box);
    assertThat(r).succeeded();
    return r.stdout().strip();
  }

  private static List<String> baseImages(Sandbox s, String id) {
    CommandResult r = s.engineCli("images", "-q", "--filter", "label=io.appbox.base-for=" + id);
    assertThat(r).succeeded();
    return r.stdout().lines().filter(l -> !l.isBlank()).toList();
  }

  private static List<Map<String, Object>> listJson(Sandbox s) {
    CommandResult r = s.appbox("--json", "list");
    assertThat(r).succeeded();
    return (List<Map<String, Object>>) ((Map<String, Object>) Json.parse(r.stdout())).get("data");
  }

  private static Map<String, Object> boxJson(Sandbox s, String box) {
    return listJson(s).stream().filter(b -> box.equals(b.get("name"))).findFirst().orElseThrow();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The page the port serves, once it answers 200 within {@code seconds}. */
  private static String awaitAnswer(int port, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    Optional<String> last = Optional.empty();
    while (System.nanoTime() < deadline) {
      last = get(port);
      if (last.isPresent()) {
        return last.get();
      }
      Thread.sleep(200);
    }
    throw new AssertionError("nothing answered on 127.0.0.1:" + port + " in " + seconds + " s");
  }

  /** Whether the port stopped answering within {@code seconds}. */
  private static boolean awaitNoAnswer(int port, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (get(port).isEmpty()) {
        return true;
      }
      Thread.sleep(200);
    }
    return false;
  }

  private static Optional<String> get(int port) {
    try {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? Optional.of(r.body()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
