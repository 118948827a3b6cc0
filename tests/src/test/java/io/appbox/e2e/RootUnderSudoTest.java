package io.appbox.e2e;

import static io.appbox.e2e.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Under sudo appbox refuses, as Distrobox does, unless {@code --rootful} says root's boxes are
 * meant; and every box says which engine and user it belongs to.
 */
class RootUnderSudoTest {
  /** What sudo puts in the environment when the test user runs {@code sudo appbox ...}. */
  private static Map<String, String> sudo() {
    String uid = Integer.toString(TestEnvironment.testUid());
    return Map.of(
        "SUDO_USER",
        TestEnvironment.testUser(),
        "SUDO_UID",
        uid,
        "SUDO_GID",
        uid,
        "SUDO_COMMAND",
        "/usr/local/bin/appbox");
  }

  private static CommandResult underSudo(Sandbox s, String... args) {
    List<String> argv = new java.util.ArrayList<>(List.of("--engine", "podman"));
    argv.addAll(List.of(args));
    return s.appboxRaw(sudo(), argv.toArray(String[]::new));
  }

  @Test
  void underSudoEveryCommandIsRefusedAndChangesNothing() {
    try (Sandbox s = Sandbox.on(Engine.ROOTFUL_PODMAN)) {
      String box = s.newBox();
      // A box root made on purpose, whose process the fast path of `run` knows.
      assertThat(s.appbox("create", box).exitCode()).isZero();
      assertThat(s.appbox("run", box, "--", "true").exitCode()).isZero();
      List<String> before = s.containerNames();
      String homeBefore = s.host("find", s.home().toString(), "-printf", "%p %s %T@\\n").stdout();

      String other = s.newBox();
      for (List<String> command :
          List.of(
              List.of("create", other),
              List.of("install", "--box", box, "hello"),
              List.of("doctor"),
              List.of("list"),
              List.of("run", box, "--", "true"),
              List.of("enter", box))) {
        CommandResult r = underSudo(s, command.toArray(String[]::new));
        assertThat(r).exitedWith(2);
        assertThat(r.stderr())
            .as(r.toString())
            .contains("through sudo")
            .contains("Run it as " + TestEnvironment.testUser() + ", without sudo")
            .contains(": appbox --engine podman " + String.join(" ", command) + ".")
            .contains("sudo appbox --rootful --engine podman " + String.join(" ", command))
            .doesNotContain("/root/.local/bin");
      }
      CommandResult json = underSudo(s, "--json", "list");
      assertThat(json.exitCode()).isEqualTo(2);
      assertThat(json.stdout()).startsWith("{\"ok\":false,\"error\":{\"code\":\"INVALID_INPUT\"");

      assertThat(s.containerNames()).isEqualTo(before);
      assertThat(s.host("find", s.home().toString(), "-printf", "%p %s %T@\\n").stdout())
          .isEqualTo(homeBefore);
    }
  }

  @Test
  void rootfulUnderSudoMakesRootsBoxesAndSaysSo() {
    try (Sandbox s = Sandbox.on(Engine.ROOTFUL_PODMAN)) {
      String box = s.newBox();
      CommandResult created = underSudo(s, "--rootful", "create", box);
      assertThat(created).succeeded();
      assertThat(created.stdout()).contains("on rootful Podman for root");
      assertThat(s.containerNames()).contains(box);

      CommandResult ran = underSudo(s, "--rootful", "run", box, "--", "id", "-u");
      assertThat(ran).succeeded();

      CommandResult list = underSudo(s, "list", "--rootful");
      assertThat(list).succeeded();
      assertThat(list.stdout())
          .containsPattern("(?m)^" + box + "\\s.*\\sroot\\s+-\\s*$")
          .contains("Boxes on rootful Podman (/run/podman/podman.sock)");
      Map<String, Object> mine = box(underSudo(s, "--rootful", "--json", "list"), box);
      assertThat(mine).containsEntry("engine", "podman").containsEntry("user", "root");
    }
  }

  @Test
  void aUsersBoxesSayTheyAreTheirsOnRootlessPodman() {
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN)) {
      String box = s.newBox();
      CommandResult created = s.appbox("create", box);
      assertThat(created).succeeded();
      assertThat(created.stdout()).contains("on rootless Podman for " + TestEnvironment.testUser());
      Map<String, Object> mine = box(s.appbox("--json", "list"), box);
      assertThat(mine)
          .containsEntry("engine", "podman-rootless")
          .containsEntry("user", TestEnvironment.testUser());
      assertThat(s.appbox("list").stdout()).contains("Boxes on rootless Podman");

      // --rootful is for root: a user asking for it is told what it means.
      CommandResult rootful = s.appbox("--rootful", "list");
      assertThat(rootful).exitedWith(2);
      assertThat(rootful.stderr()).contains("--rootful makes and uses boxes that belong to root");
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> box(CommandResult list, String name) {
    assertThat(list).succeeded();
    List<Object> boxes = (List<Object>) Json.parseObject(list.stdout()).get("data");
    return boxes.stream()
        .map(b -> (Map<String, Object>) b)
        .filter(b -> name.equals(b.get("name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " not in " + list));
  }
}
