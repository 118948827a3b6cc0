package io.appbox.e2e;

import static io.appbox.e2e.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input gets a clear error and its exit code, and changes nothing. */
class BadInputTest {

  @ParameterizedTest
  @ValueSource(strings = {"../x", "a b", "$(id)", "", "-x", "a/b", "name\nwith-newline", "ü"})
  void invalidBoxNamesAreRefusedAndCreateNothing(String name) {
    try (Sandbox s = Sandbox.on(Engine.ROOTFUL_PODMAN)) {
      List<String> before = s.containerNames();
      CommandResult r = s.appbox("create", name);
      assertThat(r).exitedWith(2);
      assertThat(r.stderr())
          .containsAnyOf("not valid", "cannot be empty", "has no option", "Name the box");
      assertThat(s.containerNames()).isEqualTo(before);
    }
  }

  @Test
  void aTooLongNameIsRefused() {
    try (Sandbox s = Sandbox.on(Engine.ROOTFUL_PODMAN)) {
      List<String> before = s.containerNames();
      CommandResult r = s.appbox("create", "a".repeat(300));
      assertThat(r).exitedWith(2);
      assertThat(r.stderr()).contains("300 characters");
      assertThat(s.containerNames()).isEqualTo(before);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void creatingAnExistingBoxIsAConflict(Engine engine) {
    try (Sandbox s = Sandbox.on(engine)) {
      String box = s.newBox();
      assertThat(s.appbox("create", box).exitCode()).isZero();
      CommandResult again = s.appbox("create", box);
      assertThat(again).exitedWith(5);
      assertThat(again.stderr()).contains("already exists");
    }
  }

  @org.junit.jupiter.api.Test
  void removingARunningBoxWithoutForceFailsAndKeepsIt() {
    try (Sandbox s = Sandbox.on(Engine.ROOTFUL_PODMAN)) {
      String box = s.newBox();
      assertThat(s.appbox("create", box).exitCode()).isZero();
      CommandResult r = s.appbox("rm", box);
      assertThat(r).exitedWith(1);
      assertThat(r.stderr()).contains("is running").contains("--force");
      assertThat(s.containerNames()).contains(box);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void missingBoxesAreNotFound(Engine engine) {
    try (Sandbox s = Sandbox.on(engine)) {
      String missing = "e2e-missing-box";
      for (List<String> command :
          List.of(
              List.of("run", missing, "--", "true"),
              List.of("rm", missing),
              List.of("stop", missing),
              List.of("start", missing),
              List.of("enter", missing))) {
        CommandResult r = s.appbox(command.toArray(String[]::new));
        assertThat(r).exitedWith(3);
        assertThat(r.stderr()).contains("no box named " + missing);
      }
      CommandResult json = s.appbox("--json", "stop", missing);
      assertThat(json.exitCode()).isEqualTo(3);
      assertThat(json.stdout()).startsWith("{\"ok\":false,\"error\":{\"code\":\"BOX_NOT_FOUND\"");
    }
  }

  @Test
  void noReachableEngineExitsFourListingEachAttempt() throws Exception {
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN)) {
      java.nio.file.Path emptyRuntime = s.home().resolve("empty-runtime");
      s.write("empty-runtime/.keep", "");
      // A PATH with java and nothing else: no podman for appbox to start a service with.
      s.host("mkdir", "-p", s.home() + "/only-java");
      s.host("ln", "-s", "/usr/bin/java", s.home() + "/only-java/java");
      Map<String, String> env =
          Map.of("XDG_RUNTIME_DIR", emptyRuntime.toString(), "PATH", s.home() + "/only-java");
      CommandResult r = s.appboxRaw(env, "list");
      assertThat(r).exitedWith(4);
      assertThat(r.stderr())
          .contains("No container engine is reachable")
          .contains("rootless Podman socket")
          .contains("rootful Podman socket")
          .contains("Docker socket")
          .contains("podman is not installed")
          .contains("hint:");
      CommandResult json = s.appboxRaw(env, "--json", "list");
      assertThat(json.exitCode()).isEqualTo(4);
      assertThat(json.stdout()).contains("\"code\":\"ENGINE_UNREACHABLE\"");
    }
  }
}
