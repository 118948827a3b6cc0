package io.appbox.runtime.attach;

import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.BoxName;
import io.appbox.core.ImageRef;
import io.appbox.core.box.BoxLabels;
import io.appbox.core.engine.ContainerEngine;
import io.appbox.core.engine.ContainerSpec;
import io.appbox.core.engine.ContainerState;
import io.appbox.core.engine.EngineInfo;
import io.appbox.core.engine.EngineKind;
import io.appbox.core.engine.ExecRequest;
import io.appbox.core.engine.ExecResult;
import io.appbox.core.engine.ImageInfo;
import io.appbox.core.engine.OutputListener;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which commands take the namespace path and what comes back from it. The enter script here runs
 * the command on the host instead of joining a box, so the test needs no engine; the end-to-end
 * tests run the real script into real boxes.
 */
class NamespaceExecEngineTest {
  private static final BoxName DEV = BoxName.of("dev");
  private static final int UID = 1000;

  @TempDir Path dir;
  private FakeBox fakeBox;
  private Recording engine;
  private NamespaceExecEngine fast;

  @BeforeEach
  void setUp() throws Exception {
    Path script = dir.resolve("appbox-enter");
    Files.writeString(script, "shift 2\nexec \"$@\"\n");
    // A live process in a mount namespace of its own, as a box's is.
    fakeBox = FakeBox.start(dir, null);
    ContainerState box =
        new ContainerState(
            DEV,
            fakeBox.id,
            "img",
            true,
            "running",
            fakeBox.pid(),
            Map.of(BoxLabels.HOME, "/home/ann"));
    engine = new Recording(box);
    NamespaceEntry entry =
        new NamespaceEntry(
            engine.info(), UID, Optional.of(Path.of("/usr/bin/nsenter")), Optional.of(script));
    fast =
        new NamespaceExecEngine(
            engine,
            entry,
            new BoxProcessCache(Optional.of(dir), (Integer) Files.getAttribute(dir, "unix:uid")),
            UID);
  }

  @AfterEach
  void stopBox() {
    fakeBox.close();
  }

  private Path cacheFile() {
    return dir.resolve("appbox/boxes/podman-rootless/dev");
  }

  private void runOne() {
    fast.exec(DEV, new ExecRequest(List.of("true"), "root", Map.of(), "/"), OutputListener.NONE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"stop", "rm", "a restore's removal", "a restore's rename"})
  void whatStopsRemovesOrRenamesTheBoxForgetsItsProcessCache(String change) {
    runOne();
    assertThat(cacheFile()).exists();
    switch (change) {
      case "stop" -> fast.stop(DEV, 1);
      case "rm" -> fast.remove(DEV, true);
      case "a restore's removal" -> fast.removeKeepingVolumes(DEV);
      default -> fast.rename(DEV, BoxName.of("appbox-restore-1234"));
    }
    assertThat(cacheFile()).as("after " + change).doesNotExist();
  }

  @Test
  void stoppingTheBoxEndsWhatEnteredItsNamespaces() throws Exception {
    Process entered =
        new ProcessBuilder(
                "nsenter",
                "--target",
                Long.toString(fakeBox.pid()),
                "--mount",
                "--",
                "sleep",
                "604")
            .start();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (BoxProcesses.in(fakeBox.mountNamespace()).size() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    fast.stop(DEV, 1);
    assertThat(entered.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void theCommandRunsWithoutTheEngineAndKeepsItsOutputEnvironmentAndExitCode() {
    List<String> lines = new ArrayList<>();
    ExecResult r =
        fast.exec(
            DEV,
            new ExecRequest(
                List.of("sh", "-c", "printf 'a b\\n%s' \"$X\"; echo oops >&2; exit 3"),
                "root",
                Map.of("X", "$(id) \"q\""),
                "/"),
            (stream, line) -> lines.add(stream + " " + line));
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.stdout()).isEqualTo("a b\n$(id) \"q\"");
    assertThat(r.stderr()).isEqualTo("oops\n");
    assertThat(lines).contains("STDOUT a b", "STDOUT $(id) \"q\"", "STDERR oops");
    assertThat(engine.execs).isEmpty();
  }

  @Test
  void binaryOutputStaysByteForByte() {
    ExecResult r =
        fast.exec(
            DEV,
            new ExecRequest(List.of("printf", "\\000\\377\\r\\n"), UID + ":" + UID, Map.of(), "/"),
            OutputListener.NONE);
    assertThat(r.output()).containsExactly(0, 0xff, '\r', '\n');
    assertThat(engine.execs).isEmpty();
  }

  @Test
  void whatThePathCannotGiveGoesToTheEngine() {
    fast.exec(DEV, new ExecRequest(List.of("true"), "0:0", Map.of(), "/srv"), OutputListener.NONE);
    fast.exec(
        DEV, new ExecRequest(List.of("true"), "2000:2000", Map.of(), "/"), OutputListener.NONE);
    assertThat(engine.execs).hasSize(2);
  }

  @Test
  void aBoxThatIsNotRunningGoesToTheEngine() {
    engine.box =
        new ContainerState(DEV, "id", "img", false, "exited", 0, Map.of(BoxLabels.HOME, "/h"));
    ExecResult r =
        fast.exec(
            DEV, new ExecRequest(List.of("true"), "root", Map.of(), null), OutputListener.NONE);
    assertThat(r.stdout()).isEqualTo("from the engine");
    assertThat(engine.execs).hasSize(1);
  }

  @Test
  void aKnownBoxIsNotAskedForAgainUntilThisProcessChangesIt() {
    assertThat(fast.inspect(DEV)).isPresent();
    fast.exec(DEV, new ExecRequest(List.of("true"), "root", Map.of(), "/"), OutputListener.NONE);
    fast.exec(DEV, new ExecRequest(List.of("true"), "root", Map.of(), "/"), OutputListener.NONE);
    assertThat(engine.inspects).isEqualTo(1);
    fast.remove(DEV, true);
    fast.inspect(DEV);
    assertThat(engine.inspects).isEqualTo(2);
  }

  /** An engine that answers inspect with one box and records the execs it is given. */
  private static final class Recording implements ContainerEngine {
    ContainerState box;
    final List<ExecRequest> execs = new ArrayList<>();
    int inspects;

    Recording(ContainerState box) {
      this.box = box;
    }

    @Override
    public EngineInfo info() {
      return new EngineInfo(EngineKind.PODMAN, true, Path.of("/s"), "4", Optional.empty());
    }

    @Override
    public Optional<ContainerState> inspect(BoxName name) {
      inspects++;
      return Optional.of(box).filter(b -> b.name().equals(name));
    }

    @Override
    public ExecResult exec(BoxName name, ExecRequest request, OutputListener listener) {
      execs.add(request);
      return new ExecResult(0, "from the engine".getBytes(StandardCharsets.UTF_8), "");
    }

    @Override
    public void remove(BoxName name, boolean force) {}

    @Override
    public void removeKeepingVolumes(BoxName name) {}

    @Override
    public List<ContainerState> list() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void create(ContainerSpec spec) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void start(BoxName name) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void stop(BoxName name, int timeoutSeconds) {}

    @Override
    public ContainerSpec specOf(BoxName name) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void rename(BoxName from, BoxName to) {}

    @Override
    public void commit(BoxName name, ImageRef tag, Map<String, String> labels) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<ImageInfo> images(String key, String value) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void removeImage(String idOrRef) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean imageExists(ImageRef image) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void pull(ImageRef image, io.appbox.core.engine.PullListener progress) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void importRootfs(InputStream tarball, ImageRef tag) {
      throw new UnsupportedOperationException();
    }
  }
}
