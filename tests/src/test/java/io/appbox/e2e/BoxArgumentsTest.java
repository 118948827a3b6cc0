package io.appbox.e2e;

import static io.appbox.e2e.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One way to name a box across commands: every command about a box takes it as BOX or as {@code
 * --box BOX}; appbox's options work after BOX too; {@code run}'s usage and behaviour agree.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoxArgumentsTest {
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

  @Test
  void everyBoxCommandTakesTheBoxEitherWay() {
    for (List<String> form : List.of(List.of(box), List.of("--box", box))) {
      for (String command : List.of("snapshots", "stop", "start", "update")) {
        CommandResult r = s.appbox(join(command, form));
        assertThat(r).succeeded();
      }
      CommandResult snapshots = s.appbox(join("snapshots", form));
      assertThat(snapshots.stdout()).contains("Box " + box + " has no snapshots yet");
      // Parsed, and about this box: it has nothing to roll back to.
      CommandResult rollback = s.appbox(join("rollback", form));
      assertThat(rollback).exitedWith(3);
      assertThat(rollback.stderr()).contains("Box " + box + " has no snapshots");
    }
    String missing = "e2e-missing-box";
    for (String command : List.of("upgrade", "snapshots", "rollback", "start", "stop", "enter")) {
      for (List<String> form : List.of(List.of(missing), List.of("--box", missing))) {
        CommandResult r = s.appbox(join(command, form));
        assertThat(r).exitedWith(3);
        assertThat(r.stderr()).as(r.toString()).contains("no box named " + missing);
      }
    }
    CommandResult rm = s.appbox("rm", "--box", missing);
    assertThat(rm).exitedWith(3);

    String other = s.newBox();
    CommandResult created = s.appbox("create", "--box", other);
    assertThat(created).succeeded();
    CommandResult removed = s.appbox("rm", "--force", "--box", other);
    assertThat(removed).succeeded();
    assertThat(s.containerNames()).doesNotContain(other);

    CommandResult two = s.appbox("snapshots", box, "--box", "other");
    assertThat(two).exitedWith(2);
    assertThat(two.stderr()).contains("Two boxes named: " + box + " and --box other");
  }

  @Test
  void optionsAfterTheBoxAreAppboxsOwn() {
    String user = Integer.toString(TestEnvironment.testUid());
    // The first run makes the box's process known, so these go by bin/appbox's fast path;
    // -v sends the same command lines through the JVM.
    assertThat(s.appbox("run", box, "--", "true").exitCode()).isZero();
    for (List<String> verbose : List.of(List.<String>of(), List.of("-v"))) {
      assertThat(run(verbose, box, "--root", "--", "id", "-u")).isEqualTo("0");
      assertThat(run(verbose, "--root", box, "--", "id", "-u")).isEqualTo("0");
      assertThat(run(verbose, box, "--", "id", "-u")).isEqualTo(user);
      assertThat(run(verbose, "--box", box, "--", "id", "-u")).isEqualTo(user);
      assertThat(run(verbose, "--box", box, "--root", "--", "id", "-u")).isEqualTo("0");
      // Without --, the command starts at the first word after BOX, options and all.
      assertThat(run(verbose, box, "id", "-u")).isEqualTo(user);
      // After --, everything is the command's, appbox's option names too.
      assertThat(run(verbose, box, "--", "echo", "--root", "-v")).isEqualTo("--root -v");
    }
    CommandResult json = s.appbox("run", box, "--json", "--", "true");
    assertThat(json).succeeded();
  }

  @Test
  void runWithoutACommandIsRefusedAsItsUsageSays() {
    CommandResult help = s.appbox("run", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.stdout())
        .contains("appbox run [OPTION]... BOX [OPTION]... [--] CMD [ARG]...")
        .doesNotContain("[CMD...]");
    for (List<String> args : List.of(List.of(box), List.of(box, "--"), List.of("--box", box))) {
      CommandResult r = s.appbox(join("run", args));
      assertThat(r).exitedWith(2);
      assertThat(r.stderr()).as(r.toString()).containsAnyOf("CMD", "Name a command to run");
      assertThat(r.stderr()).contains("appbox run");
    }
  }

  private String run(List<String> before, String... args) {
    List<String> argv = new java.util.ArrayList<>(before);
    argv.add("run");
    argv.addAll(List.of(args));
    CommandResult r = s.appbox(argv.toArray(String[]::new));
    assertThat(r).succeeded();
    return r.stdout().strip();
  }

  private static String[] join(String command, List<String> rest) {
    List<String> all = new java.util.ArrayList<>();
    all.add(command);
    all.addAll(rest);
    return all.toArray(String[]::new);
  }
}
