package io.appbox.core.box;

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
import io.appbox.core.engine.OutputListener;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** An engine in memory, for the core's unit tests; end-to-end tests use the real ones. */
public final class FakeEngine implements ContainerEngine {
  public final Map<BoxName, ContainerSpec> specs = new LinkedHashMap<>();
  public final Map<BoxName, Boolean> running = new LinkedHashMap<>();
  public final List<ExecRequest> execs = new ArrayList<>();
  public final List<String> images = new ArrayList<>(List.of("docker.io/library/debian:bookworm"));
  public Function<ExecRequest, ExecResult> onExec = r -> ExecResult.of(0, "", "");

  @Override
  public EngineInfo info() {
    return new EngineInfo(
        EngineKind.PODMAN, true, Path.of("/fake.sock"), "4.3.1", Optional.empty());
  }

  @Override
  public List<ContainerState> list() {
    return specs.keySet().stream().map(n -> inspect(n).orElseThrow()).toList();
  }

  @Override
  public Optional<ContainerState> inspect(BoxName name) {
    ContainerSpec spec = specs.get(name);
    if (spec == null) {
      return Optional.empty();
    }
    boolean up = running.getOrDefault(name, false);
    return Optional.of(
        new ContainerState(
            name,
            "id-" + name,
            spec.image().toString(),
            up,
            up ? "running" : "exited",
            up ? 4242 : 0,
            spec.labels()));
  }

  @Override
  public void create(ContainerSpec spec) {
    if (specs.containsKey(spec.name())) {
      throw new AppboxException(ErrorCode.BOX_EXISTS, "exists", "");
    }
    specs.put(spec.name(), spec);
  }

  @Override
  public void start(BoxName name) {
    running.put(name, true);
  }

  @Override
  public void stop(BoxName name, int timeoutSeconds) {
    running.put(name, false);
  }

  @Override
  public void remove(BoxName name, boolean force) {
    specs.remove(name);
    running.remove(name);
  }

  @Override
  public ExecResult exec(BoxName name, ExecRequest request, OutputListener listener) {
    execs.add(request);
    return onExec.apply(request);
  }

  final Map<String, Map<String, String>> imageLabels = new LinkedHashMap<>();

  @Override
  public ContainerSpec specOf(BoxName name) {
    ContainerSpec spec = specs.get(name);
    if (spec == null) {
      throw new AppboxException(ErrorCode.BOX_NOT_FOUND, "no box " + name, "");
    }
    return spec;
  }

  @Override
  public void rename(BoxName from, BoxName to) {
    ContainerSpec spec = specs.remove(from);
    Boolean up = running.remove(from);
    specs.put(
        to,
        new ContainerSpec(
            to,
            spec.image(),
            spec.command(),
            spec.labels(),
            spec.mounts(),
            spec.devices(),
            spec.environment(),
            spec.sameUserAsHost()));
    running.put(to, up != null && up);
  }

  @Override
  public void commit(BoxName name, ImageRef tag, Map<String, String> labels) {
    images.add(tag.toString());
    imageLabels.put(tag.toString(), labels);
  }

  @Override
  public List<io.appbox.core.engine.ImageInfo> images(String key, String value) {
    return imageLabels.entrySet().stream()
        .filter(e -> value.equals(e.getValue().get(key)))
        .map(
            e ->
                new io.appbox.core.engine.ImageInfo(
                    "id-" + e.getKey(),
                    List.of(e.getKey()),
                    e.getValue(),
                    java.time.Instant.EPOCH,
                    1))
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
  public void pull(ImageRef image, io.appbox.core.engine.PullListener progress) {
    throw new AppboxException(ErrorCode.IMAGE_NOT_FOUND, "no registry", "");
  }

  @Override
  public void importRootfs(InputStream tarball, ImageRef tag) {
    images.add(tag.toString());
  }
}
