package io.appbox.core.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ErrorCode;
import io.appbox.core.ImageRef;
import io.appbox.core.engine.ContainerSpec;
import io.appbox.core.engine.ContainerState;
import io.appbox.core.engine.FakeEngine;
import io.appbox.core.engine.Mount;
import io.appbox.core.engine.NamedVolume;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A restore never strands a box: whether it completes, fails, or dies between any two steps, the
 * box ends up under its own name, running, with its labels, mounts and volumes, and no container is
 * left set aside.
 */
class RestoreTest {
  static final BoxName DEV = BoxName.of("dev");
  static final ImageRef ORIGINAL = ImageRef.parse("docker.io/library/debian:bookworm");
  static final ImageRef SNAPSHOT =
      ImageRef.parse("localhost/appbox-snapshots:dev-20261126T030000000Z");
  static final Map<String, String> LABELS =
      Map.of("io.appbox.manager", "appbox", "io.appbox.distro", "debian");
  static final NamedVolume DATA = new NamedVolume("3f2a9c", Path.of("/var/lib/data"), false);

  @TempDir Path state;
  FakeEngine engine;
  List<String> notices;

  @BeforeEach
  void setUp() {
    engine = new FakeEngine();
    engine.box(
        new ContainerSpec(
            DEV,
            ORIGINAL,
            List.of("/bin/sh"),
            LABELS,
            List.of(new Mount(Path.of("/home/ann"), Path.of("/home/ann"), false)),
            List.of(),
            Map.of(),
            true,
            List.of(DATA)));
    notices = new ArrayList<>();
  }

  /** A Restore as one appbox process has it; a new one stands for the next process. */
  Restore restore() {
    return new Restore(
        engine,
        RestoreJournal.in(state, "podman-rootless"),
        Clock.fixed(Instant.parse("2026-11-26T03:00:00Z"), ZoneOffset.UTC),
        notices::add);
  }

  ContainerState dev() {
    return engine.inspect(DEV).orElseThrow();
  }

  /** The box is whole: its own name, running, its spec, its volume, nothing set aside. */
  void assertWhole(ImageRef from) {
    assertThat(engine.containers.keySet()).containsExactly(DEV);
    assertThat(dev().running()).isTrue();
    assertThat(dev().image()).isEqualTo(from.toString());
    ContainerSpec spec = engine.specOf(DEV);
    assertThat(spec.labels()).containsAllEntriesOf(LABELS);
    assertThat(spec.mounts()).hasSize(1);
    assertThat(spec.volumes()).containsExactly(DATA);
    assertThat(engine.volumes).containsExactly(DATA.name());
    assertThat(engine.changes).noneMatch(c -> c.startsWith("remove-with-volumes"));
    assertThat(RestoreJournal.in(state, "podman-rootless").has(DEV)).isFalse();
  }

  @Test
  void aRestoreRunsTheBoxFromTheSnapshotWithItsVolumes() {
    restore().run(DEV, SNAPSHOT);
    assertWhole(SNAPSHOT);
    assertThat(engine.changes).hasSize(5).first().isEqualTo("stop dev");
    assertThat(engine.changes.get(4)).startsWith("remove appbox-restore-");
  }

  @ParameterizedTest(name = "killed before change {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5})
  void aRestoreKilledBeforeAnyStepIsFinishedByTheNextCommand(int change) {
    engine.crashAtChange = change;
    assertThatThrownBy(() -> restore().run(DEV, SNAPSHOT)).isInstanceOf(FakeEngine.Crash.class);
    assertThat(RestoreJournal.in(state, "podman-rootless").has(DEV)).isTrue();
    engine.crashAtChange = 0;

    restore().recover(DEV);

    // Before the box was set aside nothing had changed; after, the restore is finished.
    assertWhole(change <= 2 ? ORIGINAL : SNAPSHOT);
    assertThat(notices).singleElement().asString().contains("was cut short");
  }

  @Test
  void aFailedStepPutsTheBoxBackAsItWas() {
    engine.failOn.add("create");
    assertThatThrownBy(() -> restore().run(DEV, SNAPSHOT))
        .isInstanceOfSatisfying(
            AppboxException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ENGINE_FAILED));
    assertWhole(ORIGINAL);
  }

  @Test
  void aFailedStartRemovesTheNewContainerAndKeepsTheVolume() {
    engine.failOn.add("start dev");
    assertThatThrownBy(() -> restore().run(DEV, SNAPSHOT)).isInstanceOf(AppboxException.class);
    assertWhole(ORIGINAL);
  }

  @Test
  void aFailedUndoLeavesTheJournalAndTheNextCommandPutsTheBoxBack() {
    // create fails, and so does the undo's rename, as with an engine that went away.
    engine.failOn.addAll(List.of("create", "rename appbox-restore-"));
    assertThatThrownBy(() -> restore().run(DEV, SNAPSHOT))
        .isInstanceOfSatisfying(
            AppboxException.class,
            e -> assertThat(e.getSuppressed()).singleElement().asString().contains("rename"));
    assertThat(engine.inspect(DEV)).isEmpty();
    assertThat(RestoreJournal.in(state, "podman-rootless").has(DEV)).isTrue();

    restore().recover(DEV);

    assertWhole(ORIGINAL);
  }

  @Test
  void anUndoKilledHalfWayIsFinishedByTheNextCommand() {
    // create fails; the undo dies before it renames the original back.
    engine.failOn.add("create");
    engine.crashAtChange = 4; // stop, rename, create (fails), then the undo's rename
    assertThatThrownBy(() -> restore().run(DEV, SNAPSHOT)).isInstanceOf(FakeEngine.Crash.class);
    engine.crashAtChange = 0;
    assertThat(engine.containers.keySet()).singleElement().asString().startsWith("appbox-restore-");

    restore().recover(DEV);

    assertWhole(ORIGINAL);
    assertThat(notices).singleElement().asString().contains("put back as it was before");
  }

  @Test
  void aRestoreThatCannotBeFinishedIsUndone() {
    engine.crashAtChange = 3; // killed before create
    assertThatThrownBy(() -> restore().run(DEV, SNAPSHOT)).isInstanceOf(FakeEngine.Crash.class);
    engine.crashAtChange = 0;
    engine.failOn.add("create"); // and the snapshot cannot be used now

    restore().recover(DEV);

    assertWhole(ORIGINAL);
    assertThat(notices).singleElement().asString().contains("could not be finished");
  }

  @Test
  void aContainerThatTookTheNameMeanwhileIsNeverRemoved() {
    engine.crashAtChange = 3;
    assertThatThrownBy(() -> restore().run(DEV, SNAPSHOT)).isInstanceOf(FakeEngine.Crash.class);
    engine.crashAtChange = 0;
    engine.box(
        new ContainerSpec(
            DEV,
            ORIGINAL,
            List.of("/bin/sh"),
            Map.of("mine", "yes"),
            List.of(),
            List.of(),
            Map.of(),
            true));

    assertThatThrownBy(() -> restore().recover(DEV))
        .isInstanceOfSatisfying(
            AppboxException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BOX_EXISTS));
    assertThat(engine.containers).hasSize(2);
    assertThat(RestoreJournal.in(state, "podman-rootless").has(DEV)).isTrue();
  }

  @Test
  void everyCommandThatTouchesTheBoxRecoversFirstAndListingRecoversAll() {
    engine.crashAtChange = 3;
    assertThatThrownBy(() -> restore().run(DEV, SNAPSHOT)).isInstanceOf(FakeEngine.Crash.class);
    engine.crashAtChange = 0;
    List<String> warnings = new ArrayList<>();

    RecoveringEngine commands = new RecoveringEngine(engine, restore(), warnings::add);
    assertThat(commands.inspect(DEV)).isPresent();
    assertWhole(SNAPSHOT);

    engine.crashAtChange = engine.changes.size() + 3;
    assertThatThrownBy(() -> restore().run(DEV, ORIGINAL)).isInstanceOf(FakeEngine.Crash.class);
    engine.crashAtChange = 0;
    assertThat(commands.list()).extracting(ContainerState::name).containsExactly(DEV);
    assertWhole(ORIGINAL);
    assertThat(warnings).isEmpty();
  }

  @Test
  void theJournalSaysWhereTheRestoreIsAndADamagedOneIsNotGuessedAt() throws Exception {
    RestoreJournal journal = RestoreJournal.in(state, "docker");
    RestoreStep step =
        new RestoreStep(
            DEV,
            "id1",
            BoxName.of("appbox-restore-0000abcd"),
            SNAPSHOT,
            RestoreStep.CREATE,
            Instant.parse("2026-11-26T03:00:00Z"));
    journal.write(step);
    assertThat(journal.read(DEV)).contains(step);
    assertThat(journal.boxes()).containsExactly(DEV);
    Path file = state.resolve("restores/docker/dev.json");
    assertThat(Files.readString(file)).contains("\"step\":\"create\"");

    Files.writeString(file, "{\"version\":1,\"box\":\"dev\"}");
    assertThatThrownBy(() -> journal.read(DEV))
        .isInstanceOfSatisfying(
            AppboxException.class,
            e -> assertThat(e.getMessage()).contains("restore journal").contains("damaged"));
  }
}
