package io.appbox.core.upgrade;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ErrorCode;
import io.appbox.core.ImageRef;
import io.appbox.core.engine.ContainerEngine;
import io.appbox.core.engine.ContainerSpec;
import io.appbox.core.engine.ContainerState;
import io.appbox.core.engine.EngineInfo;
import io.appbox.core.engine.EngineKind;
import io.appbox.core.engine.ExecRequest;
import io.appbox.core.engine.ExecResult;
import io.appbox.core.engine.ImageInfo;
import io.appbox.core.engine.NamedVolume;
import io.appbox.core.engine.OutputListener;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Containers and volumes in memory, whose n-th change can die like a killed process (an {@link
 * Error} that no restore code catches) or fail like an engine error.
 */
final class MemoryEngine implements ContainerEngine {
  /** The process died: nothing after it runs, not even an undo. */
  static final class Crash extends Error {
    private static final long serialVersionUID = 1L;

    Crash(String op) {
      super("killed before " + op);
    }
  }

  record Container(String id, ContainerSpec spec, boolean running) {}

  final Map<BoxName, Container> containers = new LinkedHashMap<>();
  final Set<String> volumes = new LinkedHashSet<>();
  final List<String> changes = new ArrayList<>();
  int crashAtChange;

  /** Changes that fail, once each: the first change starting with each prefix. */
  final List<String> failOn = new ArrayList<>();

  private int nextId = 1;

  BoxName box(String name, ContainerSpec spec) {
    containers.put(spec.name(), new Container("id" + nextId++, spec, true));
    spec.volumes().forEach(v -> volumes.add(v.name()));
    return BoxName.of(name);
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
    return new EngineInfo(
        EngineKind.PODMAN, true, Path.of("/fake.sock"), "4.3.1", Optional.empty());
  }

  @Override
  public List<ContainerState> list() {
    return containers.keySet().stream().map(n -> inspect(n).orElseThrow()).toList();
  }

  @Override
  public Optional<ContainerState> inspect(BoxName name) {
    Container c = containers.get(name);
    return c == null
        ? Optional.empty()
        : Optional.of(
            new ContainerState(
                name,
                c.id(),
                c.spec().image().toString(),
                c.running(),
                c.running() ? "running" : "exited",
                0,
                c.spec().labels()));
  }

  @Override
  public void create(ContainerSpec spec) {
    change("create " + spec.name());
    if (containers.containsKey(spec.name())) {
      throw new AppboxException(ErrorCode.BOX_EXISTS, spec.name() + " exists", "");
    }
    for (NamedVolume v : spec.volumes()) {
      if (!volumes.contains(v.name())) {
        throw new AppboxException(ErrorCode.ENGINE_FAILED, "no volume " + v.name(), "");
      }
    }
    containers.put(spec.name(), new Container("id" + nextId++, spec, false));
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
  }

  @Override
  public void removeKeepingVolumes(BoxName name) {
    change("remove " + name);
    require(name);
    containers.remove(name);
  }

  @Override
  public ExecResult exec(BoxName name, ExecRequest request, OutputListener listener) {
    return ExecResult.of(0, "", "");
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
  public void commit(BoxName name, ImageRef tag, Map<String, String> labels) {}

  @Override
  public List<ImageInfo> images(String key, String value) {
    return List.of();
  }

  @Override
  public void removeImage(String idOrRef) {}

  @Override
  public boolean imageExists(ImageRef image) {
    return true;
  }

  @Override
  public void pull(ImageRef image, io.appbox.core.engine.PullListener progress) {}

  @Override
  public void importRootfs(InputStream tarball, ImageRef tag) {}
}
