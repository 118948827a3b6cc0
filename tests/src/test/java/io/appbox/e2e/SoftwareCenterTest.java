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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What a software center needs of the machine interface, on a real Debian box on rootless Podman:
 * search results with versions, installed marks and applications, closest names first, several
 * words; show's keys; packages asked for or taken along; exports with display names and icons; an
 * install of what is installed; an upgrade that says what it changed or that nothing was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SoftwareCenterTest {
  private Sandbox s;
  private String box;

  @BeforeAll
  void createBoxWithHtop() {
    s = Sandbox.on(Engine.ROOTLESS_PODMAN);
    box = s.newBox();
    assertThat(s.appbox("create", box)).succeeded();
    assertThat(s.appbox("install", "--box", box, "htop")).succeeded();
  }

  @AfterAll
  void removeBox() {
    s.close();
  }

  @SuppressWarnings("unchecked")
  private <T> T data(String... args) {
    CommandResult r = s.appbox(args);
    assertThat(r).succeeded();
    List<String> lines = r.stdout().lines().toList();
    return (T) Json.parseObject(lines.get(lines.size() - 1)).get("data");
  }

  @Test
  @Order(1)
  void searchGivesVersionsInstalledMarksAndApplicationsClosestNamesFirst() {
    List<Map<String, Object>> hits = data("--json", "search", "--box", box, "htop");
    Map<String, Object> first = hits.get(0);
    assertThat(first.get("name")).as("the exact name first: %s", hits).isEqualTo("htop");
    assertThat((String) first.get("version")).matches("\\d\\S*");
    assertThat(first.get("installed")).isEqualTo(true);
    assertThat(first.get("app")).as("htop ships htop.desktop").isEqualTo(true);
    for (Map<String, Object> other : hits.subList(1, hits.size())) {
      assertThat(other.get("installed")).as("%s", other).isEqualTo(false);
      assertThat(other.get("app")).as("not installed: appbox cannot tell").isNull();
    }

    // Several words: every one must match, as apt's own search.
    List<Map<String, Object>> editors = data("--json", "search", "--box", box, "text", "editor");
    assertThat(editors).extracting(h -> h.get("name")).contains("nano");
    assertThat(data("--json", "search", "--box", box, "text editor").toString())
        .isEqualTo(editors.toString());

    CommandResult text = s.appbox("search", "--box", box, "htop");
    assertThat(text).succeeded();
    assertThat(text.stdout())
        .startsWith("NAME")
        .containsPattern("(?m)^htop +\\d\\S* +yes, app +interactive processes viewer$");
  }

  @Test
  @Order(2)
  @SuppressWarnings("unchecked")
  void showGivesTheSameKeysOnEveryProfileAndTheFieldsWhole() {
    Map<String, Object> htop = data("--json", "show", "--box", box, "htop");
    assertThat(htop)
        .containsEntry("name", "htop")
        .containsEntry("summary", "interactive processes viewer")
        .containsEntry("homepage", "https://htop.dev/")
        .containsEntry("installed", true);
    assertThat((String) htop.get("version")).matches("\\d\\S*");
    assertThat((String) htop.get("description")).startsWith("Htop is ").contains("\n\nTasks ");
    assertThat(((Number) htop.get("size")).longValue()).isGreaterThan(100_000);
    Map<String, Object> fields = (Map<String, Object>) htop.get("fields");
    assertThat((String) fields.get("Description-en"))
        .startsWith("interactive processes viewer\nHtop is ");
    assertThat(fields).containsEntry("Package", "htop");

    CommandResult text = s.appbox("show", "--box", box, "htop");
    assertThat(text.stdout())
        .containsPattern("(?m)^Name: +htop$")
        .containsPattern("(?m)^Installed: +yes, in box " + box + "$")
        .containsPattern("(?m)^  Tasks related to processes");
  }

  @Test
  @Order(3)
  void packagesMarksWhatWasAskedForApartFromDependencies() {
    List<Map<String, Object>> all = data("--json", "packages", "--box", box);
    Map<String, Object> htop = find(all, "htop");
    Map<String, Object> libnl = find(all, "libnl-3-200");
    assertThat(htop).containsEntry("manual", true);
    assertThat(libnl).as("htop's dependency").containsEntry("manual", false);
    assertThat(s.appbox("packages", "--box", box).stdout())
        .containsPattern("(?m)^htop +\\d\\S* +yes$")
        .containsPattern("(?m)^libnl-3-200 +\\d\\S* +no$");
  }

  private static Map<String, Object> find(List<Map<String, Object>> all, String name) {
    return all.stream().filter(p -> name.equals(p.get("name"))).findFirst().orElseThrow();
  }

  @Test
  @Order(4)
  void exportsGiveEachAppsDisplayNameAndIcon() {
    List<Map<String, Object>> exports = data("--json", "exports", "--box", box);
    Map<String, Object> htop = find(exports, "htop");
    assertThat(htop).containsEntry("displayName", "Htop (" + box + ")");
    String icon = (String) htop.get("icon");
    assertThat(icon).startsWith(s.home().toString()).contains("/icons/");
    assertThat(Files.isRegularFile(Path.of(icon))).isTrue();
    assertThat(s.appbox("exports", "--box", box).stdout())
        .containsPattern(
            "(?m)^" + box + " +app +htop +htop +ok +Htop \\(" + box + "\\) +" + icon + "$");
  }

  @Test
  @Order(5)
  @SuppressWarnings("unchecked")
  void installingWhatIsInstalledSaysSoAndExportsNothingAgain() {
    List<Object> before = data("--json", "exports", "--box", box);
    CommandResult again = s.appbox("install", "--box", box, "htop");
    assertThat(again).succeeded();
    assertThat(again.stdout()).contains("htop is already installed in box " + box);
    assertThat(again.stdout()).doesNotContain("Exported");

    Map<String, Object> json = data("--json", "install", "--box", box, "htop");
    Map<String, Object> htop = ((List<Map<String, Object>>) json.get("installed")).get(0);
    assertThat(htop).containsEntry("name", "htop").containsEntry("already", true);
    assertThat((List<Object>) json.get("exported")).isEmpty();
    assertThat((List<Object>) data("--json", "exports", "--box", box)).hasSameSizeAs(before);
  }

  @Test
  @Order(6)
  @SuppressWarnings("unchecked")
  void anUpgradeSaysWhatChangedOrThatNothingDid() {
    CommandResult first = s.appbox("upgrade", "--box", box);
    assertThat(first).succeeded();
    if (!first.stdout().contains("Nothing to upgrade")) {
      // Each package changed, old and new version.
      assertThat(first.stdout()).containsPattern("(?m)^  \\S+ \\S+ -> \\S+$");
    }
    Map<String, Object> json = data("--json", "upgrade", "--box", box);
    Map<String, Object> done = ((List<Map<String, Object>>) json.get("upgraded")).get(0);
    assertThat(done).containsEntry("nothingToUpgrade", true).containsEntry("snapshot", null);
    assertThat((List<Object>) done.get("changed")).isEmpty();
    assertThat(s.appbox("upgrade", "--box", box).stdout()).contains("Nothing to upgrade in " + box);
  }

  @Test
  @Order(7)
  @SuppressWarnings("unchecked")
  void jsonHelpDescribesTheCommand() {
    Map<String, Object> install = data("--json", "install", "--help");
    assertThat(install).containsEntry("name", "install").containsEntry("command", "appbox install");
    List<Map<String, Object>> options = (List<Map<String, Object>>) install.get("options");
    assertThat(options)
        .anySatisfy(
            o -> {
              assertThat(o.get("names")).isEqualTo(List.of("--box"));
              assertThat(o).containsEntry("arity", "1").containsEntry("paramLabel", "BOX");
            });
    Map<String, Object> appbox = data("--json", "--help");
    assertThat((List<Map<String, Object>>) appbox.get("subcommands"))
        .extracting(c -> c.get("name"))
        .contains("search", "show", "packages", "exports");
  }
}
