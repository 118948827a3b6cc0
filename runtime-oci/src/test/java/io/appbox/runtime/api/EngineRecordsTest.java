package io.appbox.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.appbox.core.BoxName;
import io.appbox.core.ImageRef;
import io.appbox.core.engine.ContainerSpec;
import io.appbox.core.engine.EngineInfo;
import io.appbox.core.engine.EngineKind;
import io.appbox.core.engine.Mount;
import io.appbox.core.engine.NamedVolume;
import io.appbox.core.json.Json;
import io.appbox.core.json.JsonException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the engine sends, read into records: the fields appbox uses, tolerant where engines differ.
 */
class EngineRecordsTest {
  static final BoxName DEV = BoxName.of("dev");

  @Nested
  class Details {
    /** A Podman 4 inspect, cut to what appbox reads. */
    static final String PODMAN =
        """
        {"Id":"c1","Name":"dev","State":{"Status":"running","Running":true,"Pid":4242},
         "Config":{"Image":"docker.io/library/debian:12","Cmd":["sleep","infinity"],
                   "Labels":{"io.appbox.manager":"appbox","n":1}},
         "HostConfig":{"Binds":["/home/ann:/home/ann:rw,rslave","/:/run/host:ro",
                                "appbox-dev-home:/root:rw"],
                       "Devices":[{"PathOnHost":"/dev/dri","PathInContainer":"/dev/dri"},{}]},
         "Mounts":[{"Type":"volume","Name":"appbox-dev-home","Destination":"/root","RW":true},
                   {"Type":"volume","Name":"ro-vol","Destination":"/srv","RW":false},
                   {"Type":"bind","Source":"/home/ann","Destination":"/home/ann"}]}
        """;

    ContainerDetails podman() {
      return ContainerDetails.from(Json.parseObject(PODMAN));
    }

    @Test
    void theStateComesFromStateAndConfig() {
      ContainerDetails c = podman();
      assertThat(c.name()).isEqualTo("dev");
      var state = c.state(DEV);
      assertThat(state.running()).isTrue();
      assertThat(state.pid()).isEqualTo(4242);
      assertThat(state.image()).isEqualTo("docker.io/library/debian:12");
      assertThat(state.labels()).containsExactly(Map.entry("io.appbox.manager", "appbox"));
    }

    @Test
    void theSpecHasTheHostPathsAsMountsAndTheVolumesByName() {
      ContainerSpec spec = podman().spec(DEV);
      assertThat(spec.image()).isEqualTo(ImageRef.parse("docker.io/library/debian:12"));
      assertThat(spec.command()).containsExactly("sleep", "infinity");
      assertThat(spec.mounts())
          .containsExactly(
              new Mount(Path.of("/home/ann"), Path.of("/home/ann"), false),
              new Mount(Path.of("/"), Path.of("/run/host"), true));
      assertThat(spec.devices()).containsExactly(Path.of("/dev/dri"));
      assertThat(spec.volumes())
          .containsExactly(
              new NamedVolume("appbox-dev-home", Path.of("/root"), false),
              new NamedVolume("ro-vol", Path.of("/srv"), true));
    }

    @Test
    void anInitBoxIsMadeAgainAsOneAndTheCgroupTreeIsNotOneOfItsBinds() {
      String inspected =
          PODMAN
              .replace("\"n\":1", "\"io.appbox.init\":\"true\"")
              .replace("[\"sleep\",\"infinity\"]", "[\"/sbin/init\"]")
              .replace(
                  "{\"Type\":\"bind\",",
                  "{\"Type\":\"bind\",\"Source\":\"/sys/fs/cgroup\",\"Destination\":\"/sys/fs/cgroup\"},"
                      + "{\"Type\":\"bind\",");
      ContainerSpec spec = ContainerDetails.from(Json.parseObject(inspected)).spec(DEV);
      assertThat(spec.init()).isTrue();
      assertThat(spec.command()).containsExactly("/sbin/init");
      assertThat(spec.mounts()).extracting(Mount::target).doesNotContain(Path.of("/sys/fs/cgroup"));
      assertThat(podman().spec(DEV).init()).isFalse();
    }

    @Test
    void dockersLeadingSlashAndAMissingStateAreRead() {
      ContainerDetails c =
          ContainerDetails.from(Json.parseObject("{\"Id\":\"c2\",\"Name\":\"/dev\"}"));
      assertThat(c.name()).isEqualTo("dev");
      assertThat(c.running()).isFalse();
      assertThat(c.status()).isEqualTo("unknown");
      assertThat(c.binds()).isEmpty();
    }
  }

  @Nested
  class Summaries {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "{\"Names\":[\"/dev\"],\"State\":\"running\"} | dev | true",
          "{\"Names\":[\"dev\"],\"State\":\"exited\"} | dev | false",
          "{\"Names\":[\"/Not a box\"],\"State\":\"running\"} | | false",
          "{\"Names\":[],\"State\":\"running\"} | | false",
          "{\"Names\":[7]} | | false"
        })
    void aContainerIsABoxOnlyUnderANameAppboxWouldGive(String json, String box, boolean running) {
      var state = ContainerSummary.from(Json.parseObject(json)).box();
      if (box == null) {
        assertThat(state).isEmpty();
      } else {
        assertThat(state)
            .hasValueSatisfying(
                s -> {
                  assertThat(s.name().value()).isEqualTo(box);
                  assertThat(s.running()).isEqualTo(running);
                });
      }
    }

    @Test
    void anImageHasItsTagsLabelsTimeAndSize() {
      ImageSummary image =
          ImageSummary.from(
              Json.parseObject(
                  "{\"Id\":\"sha256:ab\",\"RepoTags\":[\"localhost/a:1\"],\"Labels\":{\"k\":\"v\"},"
                      + "\"Created\":1700000000,\"Size\":1234}"));
      assertThat(image.info().tags()).containsExactly("localhost/a:1");
      assertThat(image.created()).isEqualTo(Instant.ofEpochSecond(1_700_000_000));
      assertThat(image.size()).isEqualTo(1234);
      assertThat(ImageSummary.from(Map.of()).tags()).isEmpty();
    }

    @Test
    void anExecStateWithoutItsExitCodeEndedBadly() {
      assertThat(ExecState.from(Json.parseObject("{\"Running\":false,\"ExitCode\":7}")))
          .isEqualTo(new ExecState(false, 7));
      assertThat(ExecState.from(Json.parseObject("{\"Running\":false}")))
          .isEqualTo(new ExecState(false, 1));
      assertThat(ExecState.from(Json.parseObject("{\"Running\":true}")).running()).isTrue();
    }
  }

  @Nested
  class Progress {
    @Test
    void aLayersBytesAndAnErrorAreRead() throws Exception {
      assertThat(
              ProgressEvent.parse(
                  "{\"status\":\"Downloading\",\"progressDetail\":{\"current\":5,\"total\":9},"
                      + "\"id\":\"aaa\"}"))
          .contains(new ProgressEvent("aaa", "Downloading", 5, 9, null));
      assertThat(ProgressEvent.parse("{\"status\":\"sha256:ff\"}"))
          .contains(new ProgressEvent("", "sha256:ff", -1, -1, null));
      assertThat(ProgressEvent.parse("{\"errorDetail\":{},\"error\":\"boom\"}").orElseThrow())
          .satisfies(e -> assertThat(e.failed()).isTrue())
          .satisfies(e -> assertThat(e.error()).isEqualTo("boom"));
      assertThat(ProgressEvent.parse("  ")).isEmpty();
    }

    @Test
    void aLineThatIsNotAnObjectIsNotAnEvent() {
      assertThatThrownBy(() -> ProgressEvent.parse("[1]")).isInstanceOf(JsonException.class);
      assertThatThrownBy(() -> ProgressEvent.parse("{\"status\":"))
          .isInstanceOf(JsonException.class);
    }
  }

  @Nested
  class Creation {
    ContainerSpec spec(boolean sameUser) {
      return new ContainerSpec(
          DEV,
          ImageRef.parse("docker.io/library/debian:12"),
          List.of("sleep", "infinity"),
          Map.of("io.appbox.manager", "appbox"),
          List.of(new Mount(Path.of("/home/ann"), Path.of("/home/ann"), false)),
          List.of(Path.of("/dev/dri")),
          Map.of("A", "1"),
          sameUser,
          List.of(new NamedVolume("appbox-dev-home", Path.of("/root"), true)));
    }

    EngineInfo engine(EngineKind kind, boolean rootless) {
      return new EngineInfo(kind, rootless, Path.of("/s"), "1", Optional.empty());
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> host(Map<String, Object> body) {
      return (Map<String, Object>) body.get("HostConfig");
    }

    @Test
    void rootlessPodmanKeepsTheUsersIdAndASharedMountIsFollowed() {
      Map<String, Object> body =
          ContainerCreation.body(
              spec(true),
              engine(EngineKind.PODMAN, true),
              new DockerApiEngineStatusTest.FakeHost(true, true));
      assertThat(body).containsEntry("Env", List.of("A=1")).containsEntry("Tty", false);
      assertThat(host(body))
          .containsEntry("UsernsMode", "keep-id")
          .containsEntry("IpcMode", "host")
          .containsEntry(
              "Binds", List.of("/home/ann:/home/ann:rw,rslave", "appbox-dev-home:/root:ro"));
    }

    @Test
    void podmanWithoutMessageQueuesKeepsItsOwnIpcAndAPrivateMountIsNotFollowed() {
      Map<String, Object> host =
          host(
              ContainerCreation.body(
                  spec(false),
                  engine(EngineKind.PODMAN, true),
                  new DockerApiEngineStatusTest.FakeHost(false, false)));
      assertThat(host).doesNotContainKeys("IpcMode", "UsernsMode", "AutoRemove");
      assertThat(host.get("Binds"))
          .isEqualTo(List.of("/home/ann:/home/ann:rw", "appbox-dev-home:/root:ro"));
    }

    @Test
    void dockerSharesTheHostsIpcAlwaysAndHasNoKeepId() {
      Map<String, Object> host =
          host(
              ContainerCreation.body(
                  spec(true),
                  engine(EngineKind.DOCKER, false),
                  new DockerApiEngineStatusTest.FakeHost(false, false)));
      assertThat(host).containsEntry("IpcMode", "host").doesNotContainKey("UsernsMode");
      assertThat(host.get("Devices"))
          .isEqualTo(
              List.of(
                  Map.of(
                      "PathOnHost", "/dev/dri",
                      "PathInContainer", "/dev/dri",
                      "CgroupPermissions", "rwm")));
    }

    @Test
    void anInitBoxOnPodmanIsLeftToItsSystemdModeInAProcessNamespaceOfItsOwn() {
      Map<String, Object> body =
          ContainerCreation.body(
              spec(false).withInit(List.of("/sbin/init")),
              engine(EngineKind.PODMAN, false),
              new DockerApiEngineStatusTest.FakeHost(true, false));
      // Podman's systemd mode follows from the command: /sbin/init.
      assertThat(body).containsEntry("Cmd", List.of("/sbin/init")).doesNotContainKey("StopSignal");
      assertThat(host(body))
          .doesNotContainKeys("PidMode", "Tmpfs", "Mounts", "CgroupnsMode")
          .containsEntry("NetworkMode", "host");
      // A box's own keeps the host's process namespace.
      assertThat(
              host(
                  ContainerCreation.body(
                      spec(false),
                      engine(EngineKind.PODMAN, false),
                      new DockerApiEngineStatusTest.FakeHost(true, false))))
          .containsEntry("PidMode", "host");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anInitBoxOnDockerGetsWhatSystemdNeedsWithoutPrivileges() {
      Map<String, Object> body =
          ContainerCreation.body(
              spec(false).withInit(List.of("/sbin/init")),
              engine(EngineKind.DOCKER, false),
              new DockerApiEngineStatusTest.FakeHost(false, false));
      assertThat(body)
          .containsEntry("StopSignal", "SIGRTMIN+3")
          .containsEntry("Env", List.of("A=1", "container=docker"));
      Map<String, Object> host = host(body);
      assertThat(host)
          .doesNotContainKeys("PidMode", "Privileged", "CapAdd")
          .containsEntry("CgroupnsMode", "host")
          .containsEntry(
              "Mounts",
              List.of(
                  Map.of(
                      "Type", "bind",
                      "Source", "/sys/fs/cgroup",
                      "Target", "/sys/fs/cgroup",
                      "ReadOnly", false)));
      assertThat((Map<String, String>) host.get("Tmpfs")).containsKeys("/run", "/run/lock", "/tmp");
      assertThat(host.get("Binds"))
          .isEqualTo(List.of("/home/ann:/home/ann:rw", "appbox-dev-home:/root:ro"));
    }

    @Test
    void aThrowawayBoxIsRemovedByTheEngineWhenItStops() {
      Map<String, Object> host =
          host(
              ContainerCreation.body(
                  spec(false).removedWhenItStops(),
                  engine(EngineKind.PODMAN, true),
                  new DockerApiEngineStatusTest.FakeHost(false, false)));
      assertThat(host).containsEntry("AutoRemove", true);
    }
  }
}
