package io.appbox.core.upgrade;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ImageRef;
import io.appbox.core.engine.ContainerEngine;
import io.appbox.core.engine.ContainerSpec;
import io.appbox.core.engine.ContainerState;
import io.appbox.core.engine.EngineInfo;
import io.appbox.core.engine.ExecRequest;
import io.appbox.core.engine.ExecResult;
import io.appbox.core.engine.ImageInfo;
import io.appbox.core.engine.InspectedBox;
import io.appbox.core.engine.OutputListener;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The engine as every command sees it: before a command touches a box, a restore of that box that
 * was cut short is finished or undone ({@link Restore#recover}), and before it lists the boxes,
 * every such restore is. So no command finds a box missing or set aside under another name because
 * an earlier appbox was interrupted. Asking costs one file test per box touched. The restore itself
 * works on the engine underneath, never on this one.
 */
public final class RecoveringEngine implements ContainerEngine {
  private final ContainerEngine engine;
  private final Restore restore;
  private final Consumer<String> warnings;

  /**
   * @param warnings told when a box's restore can be neither finished nor undone while listing
   */
  public RecoveringEngine(ContainerEngine engine, Restore restore, Consumer<String> warnings) {
    this.engine = engine;
    this.restore = restore;
    this.warnings = warnings;
  }

  private void settle(BoxName box) {
    restore.recover(box);
  }

  /** Recovers every cut-short restore; one that cannot be recovered is a warning, not a failure. */
  private void settleAll() {
    for (BoxName box : restore.journal().boxes()) {
      try {
        restore.recover(box);
      } catch (AppboxException e) {
        warnings.accept(e.getMessage() + " " + e.hint());
      }
    }
  }

  @Override
  public EngineInfo info() {
    return engine.info();
  }

  @Override
  public List<ContainerState> list() {
    settleAll();
    return engine.list();
  }

  @Override
  public java.util.Optional<ContainerState> inspect(BoxName name) {
    settle(name);
    return engine.inspect(name);
  }

  @Override
  public void create(ContainerSpec spec) {
    settle(spec.name());
    engine.create(spec);
  }

  @Override
  public void start(BoxName name) {
    settle(name);
    engine.start(name);
  }

  @Override
  public void stop(BoxName name, int timeoutSeconds) {
    settle(name);
    engine.stop(name, timeoutSeconds);
  }

  @Override
  public void remove(BoxName name, boolean force) {
    settle(name);
    engine.remove(name, force);
  }

  @Override
  public void removeKeepingVolumes(BoxName name) {
    settle(name);
    engine.removeKeepingVolumes(name);
  }

  @Override
  public ExecResult exec(BoxName name, ExecRequest request, OutputListener listener) {
    settle(name);
    return engine.exec(name, request, listener);
  }

  @Override
  public String lastOutput(BoxName name, int lines) {
    return engine.lastOutput(name, lines);
  }

  @Override
  public Optional<String> systemdCgroupProblem() {
    return engine.systemdCgroupProblem();
  }

  @Override
  public ContainerSpec specOf(BoxName name) {
    settle(name);
    return engine.specOf(name);
  }

  @Override
  public Optional<InspectedBox> inspectWithSpec(BoxName name) {
    settle(name);
    return engine.inspectWithSpec(name);
  }

  @Override
  public void rename(BoxName from, BoxName to) {
    settle(from);
    settle(to);
    engine.rename(from, to);
  }

  @Override
  public void commit(BoxName name, ImageRef tag, Map<String, String> labels) {
    settle(name);
    engine.commit(name, tag, labels);
  }

  @Override
  public List<ImageInfo> images(String key, String value) {
    return engine.images(key, value);
  }

  @Override
  public void removeImage(String idOrRef) {
    engine.removeImage(idOrRef);
  }

  @Override
  public boolean imageExists(ImageRef image) {
    return engine.imageExists(image);
  }

  @Override
  public void pull(ImageRef image, io.appbox.core.engine.PullListener progress) {
    engine.pull(image, progress);
  }

  @Override
  public void importRootfs(InputStream tarball, ImageRef tag) {
    engine.importRootfs(tarball, tag);
  }
}
