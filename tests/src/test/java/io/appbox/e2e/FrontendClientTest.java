package io.appbox.e2e;

import static io.appbox.e2e.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The example frontend, docs/examples/appbox-frontend.py, drives a real Debian box on rootless
 * Podman through --json only, as a software center would: update, search, install with a progress
 * bar, exports, remove, and errors from the JSON errors.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrontendClientTest {
  private Sandbox s;
  private String box;
  private String script;

  @BeforeAll
  void createBox() throws IOException {
    s = Sandbox.on(Engine.ROOTLESS_PODMAN);
    box = s.newBox();
    CommandResult created = s.appbox("create", box);
    assertThat(created).succeeded();
    // A copy the test user can read, wherever the checkout is.
    s.write(
        "frontend/appbox-frontend.py",
        Files.readString(TestEnvironment.repository().resolve("docs/examples/appbox-frontend.py")));
    script = s.home().resolve("frontend/appbox-frontend.py").toString();
  }

  @AfterAll
  void removeBox() {
    s.close();
  }

  /** Runs the frontend as the test user; it finds appbox through $APPBOX. */
  private CommandResult frontend(String... args) {
    return frontendWith(TestEnvironment.appbox().toString(), args);
  }

  private CommandResult frontendWith(String appbox, String... args) {
    List<String> argv = new ArrayList<>(List.of("python3", script));
    argv.addAll(List.of(args));
    return s.as(argv, null, 600, Map.of("APPBOX", appbox));
  }

  @SuppressWarnings("unchecked")
  private List<String> installed() {
    CommandResult r = s.appbox("--json", "packages", "--box", box);
    assertThat(r).succeeded();
    List<String> names = new ArrayList<>();
    for (Object p : (List<Object>) Json.parseObject(r.stdout()).get("data")) {
      names.add((String) ((Map<String, Object>) p).get("name"));
    }
    return names;
  }

  @Test
  void updateSearchInstallWithAProgressBarListExportsAndRemove() {
    // A new box has no package index yet: search finds nothing until it is refreshed.
    CommandResult update = frontend("--box", box, "update");
    assertThat(update).succeeded();
    assertThat(update.stdout()).isEqualTo("Refreshed the package index of box " + box + "\n");

    CommandResult search = frontend("--box", box, "search", "htop");
    assertThat(search).succeeded();
    assertThat(search.stdout())
        .startsWith("NAME")
        .containsPattern("(?m)^htop +\\d\\S* +no +interactive processes viewer$");
    assertThat(search.stdout().lines().skip(1).findFirst())
        .hasValueSatisfying(
            first -> assertThat(first).as("the closest name first").startsWith("htop "));

    CommandResult install = frontend("--box", box, "install", "htop");
    assertThat(install).succeeded();
    assertThat(install.stdout())
        .containsPattern("(?m)^Installed htop \\d\\S* in box " + box + "$")
        .contains("Added to your menu: htop");
    // The bar, drawn from the progress events: it moves, and ends full.
    assertThat(install.stderr())
        .containsPattern("(?m)^\\[#{1,29}-+\\] +\\d+% (download|install): ")
        .contains("[" + "#".repeat(30) + "] 100% ");
    assertThat(installed()).contains("htop");

    CommandResult again = frontend("--box", box, "search", "htop");
    assertThat(again.stdout())
        .containsPattern("(?m)^htop +\\d\\S* +yes, app +interactive processes viewer$");

    // The installed applications with their display names and icons, as a menu shows them.
    CommandResult apps = frontend("--box", box, "apps");
    assertThat(apps).succeeded();
    java.util.regex.Matcher app =
        java.util.regex.Pattern.compile("(?m)^Htop \\(" + box + "\\) +" + box + " +(/\\S+)$")
            .matcher(apps.stdout());
    assertThat(app.find()).as(apps.stdout()).isTrue();
    assertThat(java.nio.file.Path.of(app.group(1))).isRegularFile().startsWith(s.home());

    CommandResult exports = frontend("--box", box, "exports");
    assertThat(exports).succeeded();
    assertThat(exports.stdout())
        .startsWith("BOX")
        .containsPattern("(?m)^" + box + " +app +htop +htop +ok$");

    CommandResult remove = frontend("--box", box, "remove", "htop");
    assertThat(remove).succeeded();
    assertThat(remove.stdout())
        .contains("Removed from your menu: htop")
        .contains("Removed htop from box " + box);
    assertThat(installed()).doesNotContain("htop");
    CommandResult none = frontend("--box", box, "exports");
    assertThat(none.stdout()).isEqualTo("Nothing is exported.\n");
  }

  @Test
  void appboxErrorsBecomeMessagesAndExitStatuses() {
    CommandResult missingPackage = frontend("--box", box, "install", "no-such-package-appbox-e2e");
    assertThat(missingPackage).exitedWith(3);
    assertThat(missingPackage.stderr())
        .containsPattern("(?m)^error: .*no-such-package-appbox-e2e")
        .containsPattern("(?m)^hint: ");
    assertThat(missingPackage.stdout()).isEmpty();

    CommandResult missingBox = frontend("--box", "e2e-missing-box", "search", "htop");
    assertThat(missingBox).exitedWith(3);
    assertThat(missingBox.stderr()).contains("error: There is no box named e2e-missing-box");

    CommandResult badName = frontend("--box", box, "remove", "--", "-x");
    assertThat(badName).exitedWith(2);
    assertThat(badName.stderr()).startsWith("error: ").contains("'-x'");

    CommandResult noAppbox = frontendWith(s.home() + "/no-appbox-here", "exports");
    assertThat(noAppbox).exitedWith(127);
    assertThat(noAppbox.stderr()).startsWith("error: $APPBOX is ");
  }
}
