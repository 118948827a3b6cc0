package io.appbox.e2e;

import static io.appbox.e2e.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.json.Json;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Package management in a Debian box on rootless Podman, against Debian's real mirror. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PackagesTest {
  private Sandbox s;
  private String box;

  @BeforeAll
  void createBox() {
    s = Sandbox.on(Engine.ROOTLESS_PODMAN);
    box = s.newBox();
    CommandResult created = s.appbox("create", box);
    assertThat(created).succeeded();
  }

  @AfterAll
  void removeBox() {
    s.close();
  }

  @SuppressWarnings("unchecked")
  private Map<String, String> installed() {
    CommandResult r = s.appbox("--json", "packages", "--box", box);
    assertThat(r).succeeded();
    Map<String, Object> doc = Json.parseObject(r.stdout());
    Map<String, String> out = new java.util.TreeMap<>();
    for (Object o : (List<Object>) doc.get("data")) {
      Map<String, Object> p = (Map<String, Object>) o;
      out.put((String) p.get("name"), (String) p.get("version"));
    }
    return out;
  }

  @Test
  void installListRunSearchShowRemove() {
    CommandResult install = s.appbox("install", "--box", box, "--no-export", "htop");
    assertThat(install).succeeded();
    assertThat(install.stdout()).containsPattern("Installed htop \\d");

    assertThat(installed()).containsKey("htop");
    assertThat(installed().get("htop")).matches("\\d.*");
    CommandResult list = s.appbox("packages", "--box", box);
    assertThat(list.stdout()).containsPattern("(?m)^htop\\s+\\d");

    CommandResult version = s.appbox("run", box, "--", "htop", "--version");
    assertThat(version).succeeded();
    assertThat(version.stdout()).startsWith("htop ");

    CommandResult search = s.appbox("--json", "search", "--box", box, "htop");
    assertThat(search).succeeded();
    assertThat(search.stdout()).contains("{\"name\":\"htop\",\"summary\":");

    CommandResult show = s.appbox("show", "--box", box, "htop");
    assertThat(show).succeeded();
    assertThat(show.stdout())
        .containsPattern("(?m)^Name:\\s+htop$")
        .containsPattern("(?m)^Version:\\s+\\d");

    CommandResult remove = s.appbox("remove", "--box", box, "htop");
    assertThat(remove).succeeded();
    assertThat(installed()).doesNotContainKey("htop");
    assertThat(s.appbox("run", box, "--", "sh", "-c", "command -v htop").exitCode()).isNotZero();
  }

  @Test
  void aPackageThatDoesNotExistIsNotFoundAndChangesNothing() {
    Map<String, String> before = installed();
    CommandResult r = s.appbox("install", "--box", box, "htop", "no-such-package-appbox-e2e");
    assertThat(r).exitedWith(3);
    assertThat(r.stderr()).contains("no-such-package-appbox-e2e");
    assertThat(installed()).isEqualTo(before);

    CommandResult json = s.appbox("--json", "install", "--box", box, "no-such-package-appbox-e2e");
    assertThat(json.exitCode()).isEqualTo(3);
    String last = json.stdout().lines().reduce((a, b) -> b).orElse("");
    assertThat(last)
        .startsWith("{\"event\":\"result\",\"ok\":false,\"error\":{\"code\":\"PACKAGE_NOT_FOUND\"");

    CommandResult show = s.appbox("show", "--box", box, "no-such-package-appbox-e2e");
    assertThat(show).exitedWith(3);
  }

  @Test
  void anOptionLikePackageIsRefusedBeforeAnythingRunsInTheBox() {
    String marker = "/tmp/appbox-e2e-pre-invoke";
    CommandResult r =
        s.appbox("install", "--box", box, "--", "-oAPT::Update::Pre-Invoke::=touch " + marker);
    assertThat(r).exitedWith(2);
    assertThat(r.stderr()).contains("starts with '-'");
    assertThat(s.appbox("run", box, "--", "test", "-e", marker).exitCode()).isNotZero();
    assertThat(java.nio.file.Path.of(marker)).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"a b", "htop\nid", "$(touch /tmp/appbox-e2e-x)", "htop;id", "`id`", "htop|id", ""})
  void namesThatAreNotPackageNamesAreRefused(String name) {
    CommandResult r = s.appbox("install", "--box", box, name);
    assertThat(r).exitedWith(2);
    assertThat(s.appbox("run", box, "--", "test", "-e", "/tmp/appbox-e2e-x").exitCode())
        .isNotZero();
  }

  @Test
  void twoConcurrentInstallsIntoOneBoxBothSucceed() {
    CompletableFuture<CommandResult> first =
        CompletableFuture.supplyAsync(
            () -> s.appbox("install", "--box", box, "--no-export", "tree"));
    CompletableFuture<CommandResult> second =
        CompletableFuture.supplyAsync(
            () -> s.appbox("install", "--box", box, "--no-export", "hello"));
    CommandResult a = first.join();
    CommandResult b = second.join();
    assertThat(a).succeeded();
    assertThat(b).succeeded();
    assertThat(installed()).containsKeys("tree", "hello");
    assertThat(s.appbox("run", box, "--", "hello").stdout()).isEqualTo("Hello, world!\n");
  }

  @Test
  void installWithADistroCreatesTheBoxNamedAfterItWhenMissing() {
    try (Sandbox fresh = Sandbox.on(Engine.ROOTLESS_PODMAN)) {
      fresh.engineCli("rm", "-f", "debian");
      try {
        CommandResult r = fresh.appbox("install", "--distro", "debian", "--no-export", "hello");
        assertThat(r).succeeded();
        assertThat(fresh.containerNames()).contains("debian");
        assertThat(fresh.appbox("run", "debian", "--", "hello").stdout())
            .isEqualTo("Hello, world!\n");
        CommandResult unknown = fresh.appbox("install", "--distro", "no-such-distro", "hello");
        assertThat(unknown).exitedWith(3);
        assertThat(fresh.containerNames()).doesNotContain("no-such-distro");
      } finally {
        fresh.engineCli("rm", "-f", "debian");
      }
    }
  }
}
