package io.appbox.core.engine;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ErrorCode;
import io.appbox.core.ImageRef;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The one engine in memory for the core's unit tests; end-to-end tests use the real ones. It keeps
 * containers, their volumes and images; each change to a container can be made to fail like an
 * engine error or die like a killed process; what runs in a box is the test's {@link #onExec}.
 */
public final class FakeEngine implements ContainerEngine {
  /** The process died: nothing after it runs, not even an undo. */
  public static final class Crash extends Error {
    private static final long serialVersionUID = 1L;

    Crash(String op) {
      super("killed before " + op);
    }
  }

  /** What runs in a box, as the test wants it to. */
  @FunctionalInterface
  public interface Box {
    ExecResult exec(BoxName box, ExecRequest request);
  }

  public record Container(String id, ContainerSpec spec, boolean running) {}

  public final Map<BoxName, Container> containers = new LinkedHashMap<>();
  public final Set<String> volumes = new LinkedHashSet<>();
  public final List<String> images = new ArrayList<>(List.of("docker.io/library/debian:bookworm"));
  public final Map<String, Map<String, String>> imageLabels = new LinkedHashMap<>();
  // Commands may come from several threads at once (queries side by side).
  public final List<ExecRequest> execs = java.util.Collections.synchronizedList(new ArrayList<>());

  /** Each change to a container, in order: {@code create NAME}, {@code start NAME}, ... */
  public final List<String> changes = new ArrayList<>();

  /** The change whose number this is (from 1) dies before it is made; 0 for none. */
  public int crashAtChange;

  /** Changes that fail, once each: the first change starting with each prefix. */
  public final List<String> failOn = new ArrayList<>();

  public EngineInfo info =
      new EngineInfo(EngineKind.PODMAN, true, Path.of("/fake.sock"), "4.3.1", Optional.empty());
  public Box onExec = (box, request) -> ExecResult.of(0, "", "");

  /** What a box's first process wrote, as {@link #lastOutput} reports it. */
  public String output = "";

  /** Why systemd gets no cgroup here, as {@link #systemdCgroupProblem} reports it. */
  public Optional<String> cgroupProblem = Optional.empty();

  public Consumer<ContainerSpec> afterCreate = spec -> {};
  public Consumer<BoxName> afterRemove = name -> {};

  private int nextId = 1;

  /** A running box made outside the code under test. */
  public BoxName box(ContainerSpec spec) {
    containers.put(spec.name(), new Container("id" + nextId++, spec, true));
    spec.volumes().forEach(v -> volumes.add(v.name()));
    return spec.name();
  }

  public boolean isRunning(BoxName name) {
    Container c = containers.get(name);
    return c != null && c.running();
  }

  private void change(String op) {
    if (changes.size() + 1 == crashAtChange) {
      throw new Crash(op);
    }
    changes.add(op);
    for (String prefix : failOn) {
      if (op.startsWith(prefix)) {
        failOn.remove(prefix);
        throw new AppboxException(ErrorCode.ENGINE_FAILED, "the engine failed to " + op, "");
      }
    }
  }

  private Container require(BoxName name) {
    Container c = containers.get(name);
    if (c == null) {
      throw new AppboxException(ErrorCode.BOX_NOT_FOUND, "no container " + name, "");
    }
    return c;
  }

  @Override
  public EngineInfo info() {
    return info;
  }

  @Override
  public List<ContainerState> list() {
    return containers.keySet().stream().map(n -> inspect(n).orElseThrow()).toList();
  }

  @Override
  public Optional<ContainerState> inspect(BoxName name) {
    Container c = containers.get(name);
    if (c == null) {
      return Optional.empty();
    }
    return Optional.of(
        new ContainerState(
            name,
            c.id(),
            c.spec().image().toString(),
            c.running(),
            c.running() ? "running" : "exited",
            c.running() ? 4242 : 0,
            c.spec().labels()));
  }

  @Override
  public void create(ContainerSpec spec) {
    change("create " + spec.name());
    if (containers.containsKey(spec.name())) {
      throw new AppboxException(ErrorCode.BOX_EXISTS, spec.name() + " exists", "");
    }
    // Like the real engines, a named volume the spec mounts is made when missing.
    spec.volumes().forEach(v -> volumes.add(v.name()));
    containers.put(spec.name(), new Container("id" + nextId++, spec, false));
    afterCreate.accept(spec);
  }

  @Override
  public void start(BoxName name) {
    change("start " + name);
    Container c = require(name);
    containers.put(name, new Container(c.id(), c.spec(), true));
  }

  @Override
  public void stop(BoxName name, int timeoutSeconds) {
    change("stop " + name);
    Container c = require(name);
    containers.put(name, new Container(c.id(), c.spec(), false));
  }

  @Override
  public void remove(BoxName name, boolean force) {
    change("remove-with-volumes " + name);
    require(name).spec().volumes().forEach(v -> volumes.remove(v.name()));
    containers.remove(name);
    afterRemove.accept(name);
  }

  @Override
  public void removeKeepingVolumes(BoxName name) {
    change("remove " + name);
    require(name);
    containers.remove(name);
    afterRemove.accept(name);
  }

  @Override
  public ExecResult exec(BoxName name, ExecRequest request, OutputListener listener) {
    execs.add(request);
    return onExec.exec(name, request);
  }

  @Override
  public String lastOutput(BoxName name, int lines) {
    return output;
  }

  @Override
  public Optional<String> systemdCgroupProblem() {
    return cgroupProblem;
  }

  /** Stops the box, as its first process ending would. */
  public void processEnded(BoxName name) {
    Container c = require(name);
    containers.put(name, new Container(c.id(), c.spec(), false));
  }

  @Override
  public ContainerSpec specOf(BoxName name) {
    return require(name).spec();
  }

  @Override
  public void rename(BoxName from, BoxName to) {
    change("rename " + from + " " + to);
    Container c = require(from);
    if (containers.containsKey(to)) {
      throw new AppboxException(ErrorCode.BOX_EXISTS, to + " exists", "");
    }
    containers.remove(from);
    containers.put(to, new Container(c.id(), c.spec().withName(to), c.running()));
  }

  @Override
  public void commit(BoxName name, ImageRef tag, Map<String, String> labels) {
    require(name);
    images.add(tag.toString());
    imageLabels.put(tag.toString(), labels);
  }

  @Override
  public List<ImageInfo> images(String key, String value) {
    return imageLabels.entrySet().stream()
        .filter(e -> value.equals(e.getValue().get(key)))
        .map(
            e ->
                new ImageInfo(
                    "id-" + e.getKey(), List.of(e.getKey()), e.getValue(), Instant.EPOCH, 1))
        .toList();
  }

  @Override
  public void removeImage(String idOrRef) {
    String ref = idOrRef.startsWith("id-") ? idOrRef.substring(3) : idOrRef;
    images.remove(ref);
    imageLabels.remove(ref);
  }

  @Override
  public boolean imageExists(ImageRef image) {
    return images.contains(image.toString());
  }

  @Override
  public void pull(ImageRef image, PullListener progress) {
    throw new AppboxException(ErrorCode.IMAGE_NOT_FOUND, "no registry", "");
  }

  @Override
  public void importRootfs(InputStream tarball, ImageRef tag) {
    images.add(tag.toString());
  }
}
