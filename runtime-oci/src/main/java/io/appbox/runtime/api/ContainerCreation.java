package io.appbox.runtime.api;

import io.appbox.core.engine.ContainerSpec;
import io.appbox.core.engine.EngineInfo;
import io.appbox.core.engine.EngineKind;
import io.appbox.core.engine.Mount;
import io.appbox.core.engine.NamedVolume;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /containers/create} for a box: the host's network, processes and IPC, the
 * binds and devices the spec asks for. Where the engines differ (Podman's {@code keep-id} user
 * namespace, its {@code /dev/mqueue}, what systemd as the first process needs) the difference is
 * here.
 */
final class ContainerCreation {
  private ContainerCreation() {}

  static Map<String, Object> body(ContainerSpec spec, EngineInfo engine, HostProbe host) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("Image", spec.image().toString());
    body.put("Cmd", spec.command());
    body.put("Labels", spec.labels());
    Map<String, String> env = new LinkedHashMap<>(spec.environment());
    if (spec.init() && engine.kind() == EngineKind.DOCKER) {
      // systemd's way of knowing it runs in a container; Podman's systemd mode sets it itself.
      env.put("container", "docker");
      body.put("StopSignal", "SIGRTMIN+3");
    }
    body.put("Env", environment(env));
    body.put("Tty", false);
    body.put("OpenStdin", false);
    body.put("HostConfig", hostConfig(spec, engine, host));
    return body;
  }

  private static Map<String, Object> hostConfig(
      ContainerSpec spec, EngineInfo engine, HostProbe probe) {
    Map<String, Object> host = new LinkedHashMap<>();
    host.put("NetworkMode", "host");
    // systemd must be process 1: an init box has a process namespace of its own.
    if (!spec.init()) {
      host.put("PidMode", "host");
    }
    // The host's IPC namespace lets X11 clients share memory with the display server. Podman
    // also binds the host's /dev/mqueue for it, and refuses when the host has none.
    if (engine.kind() == EngineKind.DOCKER || probe.hasMessageQueues()) {
      host.put("IpcMode", "host");
    }
    host.put("SecurityOpt", List.of("label=disable"));
    if (spec.removedWhenStopped()) {
      host.put("AutoRemove", true);
    }
    if (spec.sameUserAsHost() && engine.kind() == EngineKind.PODMAN && engine.rootless()) {
      host.put("UsernsMode", "keep-id");
    }
    // Binds rather than Mounts: both engines bind recursively there, which rootless Podman
    // needs to share "/" (a user namespace may not bind a tree without its submounts).
    List<String> binds = new ArrayList<>();
    for (Mount m : spec.mounts()) {
      String options = m.readOnly() ? "ro" : "rw";
      if (probe.isShared(m.source())) {
        options += ",rslave";
      }
      binds.add(m.source() + ":" + m.target() + ":" + options);
    }
    // A name where a bind has a host path: both engines mount that existing volume.
    for (NamedVolume v : spec.volumes()) {
      binds.add(v.name() + ":" + v.target() + ":" + (v.readOnly() ? "ro" : "rw"));
    }
    host.put("Binds", binds);
    List<Object> devices = new ArrayList<>();
    for (Path d : spec.devices()) {
      devices.add(
          Map.of(
              "PathOnHost",
              d.toString(),
              "PathInContainer",
              d.toString(),
              "CgroupPermissions",
              "rwm"));
    }
    host.put("Devices", devices);
    if (spec.init() && engine.kind() == EngineKind.DOCKER) {
      systemdOnDocker(host);
    }
    return host;
  }

  /**
   * What Podman's systemd mode gives a container whose command is {@code /sbin/init}, given to
   * Docker by hand: a fresh {@code /run}, {@code /run/lock} and {@code /tmp}, and the cgroup tree
   * writable, with the host's cgroup namespace so that systemd finds its own cgroup in it. No
   * {@code --privileged}: Docker 20.10 boots systemd with these alone. The cgroup tree is a mount,
   * not a bind, so that a restore does not read it back as one of the box's binds.
   */
  private static void systemdOnDocker(Map<String, Object> host) {
    Map<String, String> tmpfs = new LinkedHashMap<>();
    tmpfs.put("/run", "rw,nosuid,nodev,mode=755");
    tmpfs.put("/run/lock", "rw,nosuid,nodev,noexec");
    tmpfs.put("/tmp", "rw,nosuid,nodev");
    host.put("Tmpfs", tmpfs);
    host.put("CgroupnsMode", "host");
    host.put(
        "Mounts",
        List.of(
            Map.of(
                "Type",
                "bind",
                "Source",
                "/sys/fs/cgroup",
                "Target",
                "/sys/fs/cgroup",
                "ReadOnly",
                false)));
  }

  /** {@code NAME=VALUE} words, as the API takes an environment. */
  static List<String> environment(Map<String, String> env) {
    List<String> out = new ArrayList<>(env.size());
    env.forEach((k, v) -> out.add(k + "=" + v));
    return out;
  }
}
