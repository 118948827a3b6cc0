package io.appbox.runtime.api;

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
import io.appbox.core.engine.PullListener;
import io.appbox.runtime.registry.LayerSizes;
import io.appbox.runtime.registry.RegistryCredentials;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Podman and Docker through the Docker-compatible REST API (v1.41), which both serve on a unix
 * socket: the core's {@link ContainerEngine}, each operation handed to the part that knows it —
 * {@link Containers}, {@link Execs}, {@link Images}, {@link ImagePull} — over one {@link
 * EngineTransport}. What the engine sends back is read into records ({@link ContainerSummary},
 * {@link ContainerDetails}, {@link ExecState}, {@link ImageSummary}, {@link ProgressEvent}).
 */
public final class DockerApiEngine implements ContainerEngine {
  private final EngineInfo info;
  private final HostProbe host;
  private final Containers containers;
  private final Execs execs;
  private final Images images;
  private final ImagePull pulls;

  public DockerApiEngine(UnixHttpClient http, EngineInfo info) {
    this(http, info, RegistryCredentials.NONE, null);
  }

  /**
   * @param credentials the user's registry logins, sent with a pull
   * @param layerSizes where a pull's layer sizes come from when the engine does not report its
   *     bytes (Podman 4), or null for none
   */
  public DockerApiEngine(
      UnixHttpClient http,
      EngineInfo info,
      RegistryCredentials credentials,
      LayerSizes layerSizes) {
    this(http, info, credentials, layerSizes, HostProbe.ofThisHost());
  }

  DockerApiEngine(
      UnixHttpClient http,
      EngineInfo info,
      RegistryCredentials credentials,
      LayerSizes layerSizes,
      HostProbe host) {
    EngineTransport api = new EngineTransport(http, info.kind());
    this.info = info;
    this.host = host;
    this.containers = new Containers(api, info, host);
    this.execs = new Execs(api);
    this.images = new Images(api);
    this.pulls = new ImagePull(api, info, credentials, layerSizes);
  }

  @Override
  public EngineInfo info() {
    return info;
  }

  @Override
  public List<ContainerState> list() {
    return containers.list();
  }

  @Override
  public Optional<ContainerState> inspect(BoxName name) {
    return containers.details(name).map(c -> c.state(name));
  }

  @Override
  public ContainerSpec specOf(BoxName name) {
    return containers
        .details(name)
        .orElseThrow(() -> io.appbox.core.box.Boxes.notFound(name))
        .spec(name);
  }

  /** Both from one {@code GET /containers/NAME/json}. */
  @Override
  public Optional<InspectedBox> inspectWithSpec(BoxName name) {
    return containers.details(name).map(c -> new InspectedBox(c.state(name), c.spec(name)));
  }

  @Override
  public void create(ContainerSpec spec) {
    containers.create(spec);
  }

  @Override
  public void start(BoxName name) {
    containers.start(name);
  }

  @Override
  public void stop(BoxName name, int timeoutSeconds) {
    containers.stop(name, timeoutSeconds);
  }

  @Override
  public void remove(BoxName name, boolean force) {
    containers.remove(name, force);
  }

  @Override
  public void removeKeepingVolumes(BoxName name) {
    containers.removeKeepingVolumes(name);
  }

  @Override
  public String lastOutput(BoxName name, int lines) {
    return containers.lastOutput(name, lines);
  }

  @Override
  public Optional<String> systemdCgroupProblem() {
    if (info.kind() == io.appbox.core.engine.EngineKind.PODMAN
        && info.rootless()
        && !host.delegatesCgroups()) {
      return Optional.of(
          "this host delegates no cgroup v2 tree to you, from which rootless Podman gives a"
              + " container its own");
    }
    return Optional.empty();
  }

  @Override
  public void rename(BoxName from, BoxName to) {
    containers.rename(from, to);
  }

  @Override
  public void commit(BoxName name, ImageRef tag, Map<String, String> labels) {
    containers.commit(name, tag, labels);
  }

  @Override
  public ExecResult exec(BoxName name, ExecRequest request, OutputListener listener) {
    return execs.exec(name, request, listener);
  }

  @Override
  public List<ImageInfo> images(String key, String value) {
    return images.withLabel(key, value);
  }

  @Override
  public void removeImage(String idOrRef) {
    images.remove(idOrRef);
  }

  @Override
  public boolean imageExists(ImageRef image) {
    return images.exists(image);
  }

  @Override
  public void pull(ImageRef image, PullListener progress) {
    pulls.pull(image, progress);
  }

  @Override
  public void importRootfs(InputStream tarball, ImageRef tag) {
    images.importRootfs(tarball, tag);
  }
}
