package io.appbox.core.pkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ImageRef;
import io.appbox.core.engine.ContainerState;
import io.appbox.core.engine.ExecResult;
import io.appbox.core.engine.FakeEngine;
import io.appbox.core.profile.DistroProfile;
import io.appbox.core.profile.PackageCommand;
import io.appbox.core.profile.PackageCommands;
import io.appbox.core.profile.ProgressFormat;
import io.appbox.core.profile.Proof;
import io.appbox.core.profile.QueryCommands;
import io.appbox.core.profile.RemovalPlans;
import io.appbox.core.profile.ShowFields;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Which of the named packages a box has: asked of the package manager for those names only where
 * the profile can (rpm -q reads those headers, rpm -qa every one), else picked from the list.
 */
class InstalledQueryTest {
  private static final ContainerState BOX =
      new ContainerState(BoxName.of("dev"), "id", "image", true, "running", 1, Map.of());
  private static final Pattern NAME_TAB_VERSION =
      Pattern.compile("^(?<name>[^\\t\\n]+)\\t(?<version>[^\\t\\n]+)$", Pattern.MULTILINE);

  private final FakeEngine engine = new FakeEngine();
  private final BoxPackageManager pm = new BoxPackageManager(engine);

  @Test
  void theQueryIsGivenTheNamesAndAnExitForTheMissingOnesIsAnAnswer() {
    engine.onExec =
        (box, r) ->
            ExecResult.of(
                1, "bash\t5.2-1\npackage nothere is not installed\nbash-extra\t1-1\n", "");

    Map<String, String> has =
        pm.versionsOf(BOX, profile(true), List.of("bash", "nothere", "appbox-c++.tools"));

    assertThat(has).containsExactly(Map.entry("bash", "5.2-1"));
    assertThat(engine.execs).hasSize(1);
    assertThat(engine.execs.get(0).argv())
        .containsExactly("query", "bash", "nothere", "appbox-c++.tools");
  }

  @Test
  void aQueryThatDidNotRunIsAFailureNotAnEmptyBox() {
    engine.onExec = (box, r) -> ExecResult.of(127, "", "rpm: not found");

    assertThatThrownBy(() -> pm.versionsOf(BOX, profile(true), List.of("bash")))
        .isInstanceOf(AppboxException.class)
        .hasMessageContaining("installed");
  }

  @Test
  void withoutTheQueryTheWholeListIsReadAndPickedFrom() {
    engine.onExec = (box, r) -> ExecResult.of(0, "bash\t5.2-1\nglibc\t2.40-1\n", "");

    Map<String, String> has = pm.versionsOf(BOX, profile(false), List.of("glibc", "nothere"));

    assertThat(has).containsExactly(Map.entry("glibc", "2.40-1"));
    assertThat(engine.execs.get(0).argv()).containsExactly("list");
  }

  private static DistroProfile profile(boolean withQuery) {
    PackageCommand other = PackageCommand.of(true, "other");
    Optional<PackageCommand> query =
        withQuery
            ? Optional.of(
                new PackageCommand(List.of("query"), false, Optional.of(NAME_TAB_VERSION)))
            : Optional.empty();
    return new DistroProfile(
        "fedora",
        "Fedora",
        ImageRef.parse("registry.fedoraproject.org/fedora:41"),
        Optional.empty(),
        new PackageCommands(
            other,
            other,
            other,
            other,
            new PackageCommand(List.of("list"), false, Optional.of(NAME_TAB_VERSION)),
            other,
            other,
            other,
            other,
            other,
            other,
            other,
            Optional.empty(),
            ProgressFormat.NONE,
            Optional.empty(),
            RemovalPlans.NONE,
            Optional.empty(),
            Optional.empty(),
            new QueryCommands(Optional.empty(), Optional.empty(), query, ShowFields.NONE, false)),
        Map.of(),
        DistroProfile.BUILT_IN,
        Optional.empty(),
        Proof.UNKNOWN);
  }
}
