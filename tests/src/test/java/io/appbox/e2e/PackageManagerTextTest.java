package io.appbox.e2e;

import static io.appbox.e2e.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the box's package manager says reaches the user whole: non-ASCII text as it is, in text and
 * JSON; a failure of several lines as several lines, naming the box; a held lock as LOCKED.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PackageManagerTextTest {
  private static final String SUMMARY = "humanity’s calculator — Grüße, 計算機";

  private Sandbox s;
  private String box;

  @BeforeAll
  void createBoxWithPackages() {
    s = Sandbox.on(Engine.ROOTLESS_PODMAN);
    box = s.newBox();
    CommandResult created = s.appbox("create", box);
    assertThat(created).succeeded();
    BoxFixture fx = new BoxFixture(s, box);
    fx.write(
        "/tmp/e2e-unicode/DEBIAN/control",
        control("e2e-unicode", SUMMARY + "\n It counts ☺.\n .\n A second paragraph."),
        "644");
    // A package whose removal fails: dpkg and apt say so in several lines.
    fx.write("/tmp/e2e-broken/DEBIAN/control", control("e2e-broken", "it breaks"), "644");
    fx.write("/tmp/e2e-broken/DEBIAN/prerm", "#!/bin/sh\necho refusing to go >&2\nexit 1\n", "755");
    CommandResult installed =
        s.appbox(
            "run",
            "--root",
            box,
            "--",
            "sh",
            "-c",
            "set -e; for p in e2e-unicode e2e-broken; do dpkg-deb -b /tmp/$p /tmp/$p.deb >/dev/null;"
                + " dpkg -i /tmp/$p.deb >/dev/null; done");
    assertThat(installed).succeeded();
  }

  @AfterAll
  void removeBox() {
    s.close();
  }

  private static String control(String pkg, String description) {
    return "Package: "
        + pkg
        + "\nVersion: 1.0\nArchitecture: all\nMaintainer: appbox e2e <e2e@example.org>\n"
        + "Description: "
        + description
        + "\n";
  }

  @Test
  @SuppressWarnings("unchecked")
  void nonAsciiTextIsKeptInTextAndJson() {
    CommandResult text = s.appbox("search", "--box", box, "e2e-unicode");
    assertThat(text).succeeded();
    assertThat(text.stdout()).contains(SUMMARY).doesNotContain("?");

    CommandResult json = s.appbox("--json", "search", "--box", box, "e2e-unicode");
    assertThat(json).succeeded();
    List<Object> hits = (List<Object>) Json.parseObject(json.stdout()).get("data");
    assertThat(hits)
        .anySatisfy(h -> assertThat((Map<String, Object>) h).containsEntry("summary", SUMMARY));

    CommandResult show = s.appbox("show", "--box", box, "e2e-unicode");
    assertThat(show).succeeded();
    assertThat(show.stdout()).contains(SUMMARY);
  }

  @Test
  void aFailureOfSeveralLinesKeepsThemAndNamesTheBox() {
    CommandResult r = s.appbox("remove", "--box", box, "e2e-broken");
    assertThat(r).exitedWith(6);
    List<String> lines = r.stderr().lines().dropWhile(l -> !l.startsWith("error: ")).toList();
    assertThat(lines.get(0))
        .isEqualTo(
            "error: The package manager of box " + box + " (debian) failed to remove (exit 100):");
    assertThat(lines)
        .contains(
            "e2e-broken: installed e2e-broken package pre-removal script subprocess returned"
                + " error exit status 1",
            "Errors were encountered while processing:",
            "E: Sub-process /usr/bin/dpkg returned an error code (1)")
        .noneMatch(l -> l.contains("?E:") || l.contains("?dpkg"));

    CommandResult json = s.appbox("--json", "remove", "--box", box, "e2e-broken");
    assertThat(json.exitCode()).isEqualTo(6);
    List<String> events = json.stdout().lines().toList();
    Map<String, Object> result = Json.parseObject(events.get(events.size() - 1));
    @SuppressWarnings("unchecked")
    String message = (String) ((Map<String, Object>) result.get("error")).get("message");
    assertThat(message)
        .startsWith("The package manager of box " + box + " (debian)")
        .contains("\nE: Sub-process /usr/bin/dpkg returned an error code (1)");
  }

  @Test
  void aHeldLockIsLockedNotAFailure() throws Exception {
    String held = s.newBox();
    assertThat(s.appbox("create", held).exitCode()).isZero();
    new BoxFixture(s, held)
        .write("/tmp/e2e-held/DEBIAN/control", control("e2e-held", "held"), "644");
    assertThat(
            s.appbox(
                    "run",
                    "--root",
                    held,
                    "--",
                    "sh",
                    "-c",
                    "dpkg-deb -b /tmp/e2e-held /tmp/e2e-held.deb >/dev/null && dpkg -i"
                        + " /tmp/e2e-held.deb >/dev/null")
                .exitCode())
        .isZero();
    // apt asks before it removes anything, holding its lock while nobody answers.
    Path out = Files.createTempFile("appbox-e2e-lock-", ".out");
    Process holder =
        s.start(
            out,
            Files.createTempFile("appbox-e2e-lock-", ".err"),
            "run",
            "--root",
            held,
            "--",
            "sh",
            "-c",
            "sleep 600 | apt-get remove e2e-held");
    try {
      long deadline = System.currentTimeMillis() + 60_000;
      while (!Files.readString(out).contains("continue?")) {
        assertThat(System.currentTimeMillis()).as("apt asks").isLessThan(deadline);
        Thread.sleep(200);
      }
      CommandResult r = s.appbox("install", "--box", held, "hello");
      assertThat(r).exitedWith(5);
      assertThat(r.stderr())
          .contains("error: Another program is using the package manager of box " + held)
          .contains("Could not get lock")
          .contains("hint: Wait until it has finished, then try again.");
      CommandResult json = s.appbox("--json", "install", "--box", held, "hello");
      assertThat(json.exitCode()).isEqualTo(5);
      assertThat(json.stdout()).contains("\"code\":\"LOCKED\"");
    } finally {
      holder.destroy();
      // The apt-get in the box goes with the box when the sandbox closes.
    }
  }
}
