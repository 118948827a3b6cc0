package io.appbox.e2e;

import static io.appbox.e2e.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What {@code -v} and {@code APPBOX_LOG} tell: each request to the engine with its status and time,
 * which way a command went into the box, the package manager's whole output; on standard error
 * only, so that --json's standard output stays one JSON document.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerboseTest {
  /** An engine request as logged: method, path, status, milliseconds. */
  private static final String LIST_REQUEST =
      "appbox: debug engine: GET /v1\\.41/containers/json\\?all=true\\S* 200 [0-9]+ ms";

  private Sandbox s;
  private String box;

  @BeforeAll
  void createBox() {
    s = Sandbox.on(Engine.ROOTLESS_PODMAN);
    box = s.newBox();
    assertThat(s.appbox("create", box)).succeeded();
  }

  @AfterAll
  void removeBox() {
    s.close();
  }

  @Test
  void verboseListShowsEachEngineRequestOnStandardError() {
    CommandResult quiet = s.appbox("list");
    assertThat(quiet).succeeded();
    assertThat(quiet.stderr()).doesNotContain("appbox: debug");

    CommandResult list = s.appbox("-v", "list");
    assertThat(list).succeeded();
    assertThat(list.stdout()).contains(box).doesNotContain("appbox: ");
    assertThat(list.stderr().lines())
        .anyMatch(l -> l.matches(LIST_REQUEST))
        .anyMatch(l -> l.startsWith("appbox: info engine: using podman"));
  }

  @Test
  void aFrontendsLogGoesToStandardErrorAndItsJsonStaysWhole() {
    CommandResult json = s.appboxRaw(Map.of("APPBOX_LOG", "debug"), "--json", "list");
    assertThat(json).succeeded();
    Map<String, Object> document = Json.parseObject(json.stdout());
    assertThat(document).containsEntry("ok", true);
    assertThat(json.stderr().lines()).anyMatch(l -> l.matches(LIST_REQUEST));

    CommandResult info = s.appboxRaw(Map.of("APPBOX_LOG", "info"), "--json", "list");
    assertThat(info).succeeded();
    assertThat(info.stderr()).contains("appbox: info engine: using").doesNotContain("debug");

    CommandResult wrong = s.appboxRaw(Map.of("APPBOX_LOG", "loud"), "--json", "list");
    assertThat(wrong).succeeded();
    assertThat(Json.parseObject(wrong.stdout())).containsEntry("ok", true);
    assertThat(wrong.stderr()).contains("APPBOX_LOG=loud is not a level");
  }

  @Test
  void verboseRunSaysWhichWayItWentIntoTheBox() {
    CommandResult run = s.appbox("-v", "run", box, "--", "echo", "inside");
    assertThat(run).succeeded();
    assertThat(run.stdout()).isEqualTo("inside\n");
    assertThat(run.stderr()).containsPattern("appbox: info run: entering box " + box + " through");
  }

  @Test
  void aCommandAboutARunningBoxAsksTheEngineNothingOnceAppboxHasSeenItsProcess() {
    CommandResult first = s.appbox("packages", "--box", box);
    assertThat(first).succeeded();

    CommandResult again = s.appbox("-v", "packages", "--box", box);
    assertThat(again).succeeded();
    assertThat(again.stdout()).isEqualTo(first.stdout());
    assertThat(again.stderr())
        .contains("as box " + box + "'s process last saw it (not asked)")
        .doesNotContain("appbox: debug engine:");

    // Stopped and started, the box has another process: the engine is asked again.
    assertThat(s.appbox("stop", box)).succeeded();
    assertThat(s.appbox("start", box)).succeeded();
    CommandResult restarted = s.appbox("-v", "packages", "--box", box);
    assertThat(restarted).succeeded();
    assertThat(restarted.stderr())
        .doesNotContain("not asked")
        .containsPattern("appbox: debug engine: GET /v1\\.41/containers/" + box + "/json 200");
    CommandResult after = s.appbox("-v", "packages", "--box", box);
    assertThat(after.stderr()).contains("(not asked)");
  }

  @Test
  void verboseInstallShowsThePackageManagersWholeOutput() {
    BoxFixture fx = new BoxFixture(s, box);
    fx.write(
        "/tmp/e2e-chatty/DEBIAN/control",
        "Package: e2e-chatty\nVersion: 1.0\nArchitecture: all\n"
            + "Maintainer: appbox e2e <e2e@example.org>\nDescription: says a lot\n",
        "644");
    fx.write(
        "/tmp/e2e-chatty/DEBIAN/postinst",
        "#!/bin/sh\necho 'e2e-chatty configured: every word'\necho 'and to stderr' >&2\n",
        "755");
    CommandResult published =
        s.appbox(
            "run",
            "--root",
            box,
            "--",
            "sh",
            "-c",
            "set -e; mkdir -p /srv/e2e; dpkg-deb -b /tmp/e2e-chatty /srv/e2e/e2e-chatty.deb"
                + " >/dev/null; cd /srv/e2e; f=e2e-chatty.deb; { dpkg-deb -f $f;"
                + " printf 'Filename: ./%s\\nSize: %s\\nSHA256: %s\\n\\n' $f $(stat -c %s $f)"
                + " $(sha256sum $f | cut -d' ' -f1); } > Packages;"
                + " echo 'deb [trusted=yes] file:/srv/e2e ./' >"
                + " /etc/apt/sources.list.d/e2e.list; apt-get update"
                + " -o Dir::Etc::sourcelist=sources.list.d/e2e.list"
                + " -o Dir::Etc::sourceparts=- -o APT::Get::List-Cleanup=0 >/dev/null");
    assertThat(published).succeeded();

    CommandResult install = s.appbox("-v", "install", "--box", box, "--no-export", "e2e-chatty");
    assertThat(install).succeeded();
    List<String> log = install.stderr().lines().toList();
    assertThat(log)
        .anyMatch(
            l ->
                l.matches("appbox: info pkg: box " + box + " runs as \\S+: .*")
                    && l.endsWith(" e2e-chatty"))
        .contains("appbox: debug pkg: | e2e-chatty configured: every word")
        .anyMatch(l -> l.startsWith("appbox: debug pkg: ") && l.endsWith("and to stderr"))
        .anyMatch(l -> l.startsWith("appbox: info pkg: ") && l.endsWith("exit status 0"));
    assertThat(install.stdout()).doesNotContain("appbox: ");

    CommandResult quiet = s.appbox("remove", "--box", box, "--yes", "e2e-chatty");
    assertThat(quiet).succeeded();
    assertThat(quiet.stderr()).doesNotContain("appbox: ");
  }
}
