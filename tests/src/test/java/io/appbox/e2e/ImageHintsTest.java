package io.appbox.e2e;

import static io.appbox.e2e.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.json.Json;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Without a registry, appbox says the real cause (the registry cannot be reached, not a missing
 * image), and its hints lead somewhere instead of in a circle: pulling fedora's image does not send
 * the user to build it, and building it does not send them back to pull it.
 */
class ImageHintsTest {
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\b(BOX|DISTRO|PKG|NAME|PROGRAM|COMMAND|CMD|ID|REF|SNAPSHOT)\\b");

  @Test
  void anUnreachableRegistryIsSaidAndTheHintsLeadSomewhere() {
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN)) {
      List<String> before = s.containerNames();

      CommandResult text = s.appbox("install", "--distro", "fedora", "htop");
      assertThat(text).exitedWith(1);
      assertThat(text.stderr())
          .contains("the registry registry.fedoraproject.org cannot be reached")
          .doesNotContain("is not in the engine's storage");
      String hint = hint(text);
      assertThat(PLACEHOLDER.matcher(hint).find()).as(hint).isFalse();
      assertThat(hint)
          .as("a way that works without a registry, not a circle back to fedora's image")
          .contains("appbox image build debian")
          .doesNotContain("image build fedora");

      CommandResult json = s.appbox("--json", "install", "--distro", "fedora", "htop");
      List<String> lines = json.stdout().lines().toList();
      @SuppressWarnings("unchecked")
      Map<String, Object> error =
          (Map<String, Object>) Json.parseObject(lines.get(lines.size() - 1)).get("error");
      assertThat(error.get("code")).isEqualTo("FAILED");
      assertThat(s.containerNames()).isEqualTo(before);

      CommandResult build = s.appbox("image", "build", "fedora");
      assertThat(build).exitedWith(2);
      assertThat(build.stderr())
          .contains("fedora's profile has no bootstrap recipe")
          .contains("debian, ubuntu");
      String buildHint = hint(build);
      assertThat(PLACEHOLDER.matcher(buildHint).find()).as(buildHint).isFalse();
      assertThat(buildHint)
          .contains("registry.fedoraproject.org/fedora")
          .doesNotContain("appbox image build fedora");
    }
  }

  private static String hint(CommandResult r) {
    return r.stderr().lines().filter(l -> l.startsWith("hint: ")).findFirst().orElseThrow();
  }
}
