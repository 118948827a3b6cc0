package io.appbox.e2e;

import static io.appbox.e2e.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Managed host commands: add, list, remove, refused names, and gone with the box. */
class HostCommandTest {
  @Test
  void aHostCommandRunsTheHostsProgramUntilRemovedAndGoesWithTheBox() throws Exception {
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN);
        HostSession host = HostSession.withHelper(s)) {
      String box = s.newBox();
      assertThat(s.appbox("create", box)).succeeded();
      // The box (Debian's image) has no podman of its own.
      assertThat(host.appbox("run", box, "--", "podman", "--version")).exitedWith(127);

      CommandResult added = s.appbox("host-command", "add", box, "podman");
      assertThat(added).succeeded();
      assertThat(added.stdout()).contains("podman in box " + box + " runs the host's podman");
      CommandResult version = host.appbox("run", box, "--", "podman", "--version");
      assertThat(version).succeeded();
      assertThat(version.stdout()).isEqualTo(s.engineCli("--version").stdout());
      // Arguments and exit code pass through the link as through host-exec.
      assertThat(host.appbox("run", box, "--", "podman", "no-such-subcommand")).exitedWith(125);

      CommandResult text = s.appbox("host-command", "list");
      assertThat(text).succeeded();
      assertThat(text.stdout()).containsPattern(box + " +podman +/usr/local/bin/podman");
      JsonNode json = JsonSchemas.parse(s.appbox("--json", "host-command", "list", box).stdout());
      assertThat(json.path("data")).hasSize(1);
      assertThat(json.path("data").get(0).path("name").asString()).isEqualTo("podman");
      assertThat(json.path("data").get(0).path("box").asString()).isEqualTo(box);

      CommandResult removed = s.appbox("host-command", "remove", box, "podman");
      assertThat(removed).succeeded();
      assertThat(host.appbox("run", box, "--", "podman", "--version")).exitedWith(127);
      assertThat(s.appbox("host-command", "list", box).stdout()).contains("No host commands");
      CommandResult again = s.appbox("host-command", "remove", box, "podman");
      assertThat(again).exitedWith(3);
      assertThat(again.stderr()).contains("has no host command podman");

      // A renamed box keeps its host commands, in the box and in the record.
      assertThat(s.appbox("host-command", "add", box, "podman")).succeeded();
      String renamed = s.newBox();
      assertThat(s.appbox("rename", box, renamed)).succeeded();
      assertThat(s.appbox("host-command", "list").stdout())
          .containsPattern(renamed + " +podman")
          .doesNotContain(box + " ");
      assertThat(host.appbox("run", renamed, "--", "podman", "--version")).succeeded();

      assertThat(s.appbox("rm", "--force", renamed)).succeeded();
      assertThat(s.appbox("host-command", "list").stdout()).doesNotContain(renamed);
      assertThat(Files.readString(s.home().resolve(".local/state/appbox/host-commands.json")))
          .doesNotContain(renamed);
    }
  }

  @Test
  void badNamesAndAFileOfTheBoxAreRefusedWithNothingChanged() throws Exception {
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN)) {
      String box = s.newBox();
      assertThat(s.appbox("create", box)).succeeded();
      for (String name : List.of("../bin/sh", "a b", "$(id)", "x;y", "", "host-exec")) {
        CommandResult r = s.appbox("host-command", "add", box, name);
        assertThat(r).exitedWith(2);
        assertThat(r.stderr())
            .as(name)
            .containsAnyOf("not a program's name", "Name the host", "already in every box");
      }
      assertThat(s.appbox("host-command", "add", "no-such-box-e2e", "podman")).exitedWith(3);
      assertThat(s.appbox("host-command", "list", "no-such-box-e2e")).exitedWith(3);

      new BoxFixture(s, box).write("/usr/local/bin/mytool", "#!/bin/sh\necho mine\n", "755");
      CommandResult conflict = s.appbox("host-command", "add", box, "mytool");
      assertThat(conflict).exitedWith(5);
      assertThat(conflict.stderr()).contains("/usr/local/bin/mytool, which is not a host command");
      assertThat(s.appbox("run", box, "--", "mytool").stdout()).isEqualTo("mine\n");
      assertThat(s.appbox("host-command", "list", box).stdout()).contains("No host commands");
    }
  }
}
