package io.appbox.e2e;

import static io.appbox.e2e.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * appbox's pull path against a real registry (Debian's docker-registry) on loopback, on rootless
 * Podman: the profiles are pointed at it through the config's {@code images:}. The image is the
 * arch test image with one more file, so that no layer of it is in the engine's storage already and
 * the pull really downloads.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistryTest {
  private static final int OPEN = 47393;
  private static final int LOGIN = 47394;
  private static final int UNTRUSTED = 47396;
  private static final int NOTHING_LISTENS = 47397;
  private static final String LOCAL_IMAGE = "localhost/appbox-e2e/registry-arch:1";

  private Path work;
  private Path trustedCa;
  private LocalRegistry open;
  private LocalRegistry withLogin;
  private LocalRegistry untrusted;
  private RepositoryServer repositories;
  private final List<Path> trusted = new ArrayList<>();
  private Sandbox pusher;

  @BeforeAll
  void startRegistriesAndPushTheImage() throws Exception {
    work = Files.createTempDirectory("appbox-e2e-registry-test-");
    Commands.check(List.of("chmod", "755", work.toString()));
    trustedCa = LocalRegistry.certificateAuthority(work.resolve("trusted-ca"));
    Path otherCa = LocalRegistry.certificateAuthority(work.resolve("other-ca"));
    open = LocalRegistry.start(OPEN, trustedCa, null, null);
    withLogin = LocalRegistry.start(LOGIN, trustedCa, "appbox", "s3cret pass");
    untrusted = LocalRegistry.start(UNTRUSTED, otherCa, null, null);
    repositories = RepositoryServer.start();
    repositories.serve("arch", "1.0"); // the arch box installs sudo from it

    // The user trusts the test CA for the two registries, as Podman reads it: in the home of the
    // Podman service (the test user's own home) and in the home appbox runs with.
    String userHome =
        Commands.check(List.of("getent", "passwd", TestEnvironment.testUser()))
            .stdout()
            .split(":")[5];
    for (int port : List.of(OPEN, LOGIN)) {
      trust(Path.of(userHome), port);
    }

    // An image none of whose layers the engine has: the arch test image and one more file.
    Path tar = work.resolve("arch.tar");
    Commands.check(
        List.of(
            "cp",
            Path.of(TestEnvironment.require("APPBOX_TEST_DISTRO_IMAGES"), "arch.tar").toString(),
            tar.toString()));
    Path extra = work.resolve("extra");
    Files.createDirectories(extra.resolve("etc"));
    Files.writeString(extra.resolve("etc/appbox-registry-test"), "pulled from a registry\n");
    Commands.check(
        List.of(
            "tar",
            "--append",
            "-f",
            tar.toString(),
            "-C",
            extra.toString(),
            "./etc/appbox-registry-test"));
    Commands.check(List.of("chmod", "a+r", tar.toString()));
    pusher = Sandbox.on(Engine.ROOTLESS_PODMAN);
    ok(pusher.engineCli("import", "-q", tar.toString(), LOCAL_IMAGE));
    String certs = trustedCa.resolve("trust").toString();
    ok(
        pusher.engineCli(
            "push",
            "-q",
            "--cert-dir",
            certs,
            LOCAL_IMAGE,
            "docker://" + open.address() + "/appbox/arch:1"));
    ok(
        pusher.engineCli(
            "push",
            "-q",
            "--cert-dir",
            certs,
            "--creds",
            "appbox:s3cret pass",
            LOCAL_IMAGE,
            "docker://" + withLogin.address() + "/appbox/arch:1"));
    ok(
        pusher.engineCli(
            "push",
            "-q",
            "--cert-dir",
            work.resolve("other-ca/trust").toString(),
            LOCAL_IMAGE,
            "docker://" + untrusted.address() + "/appbox/arch:1"));
    ok(pusher.engineCli("rmi", LOCAL_IMAGE));
    // What a run that was killed before its clean-up pulled stays in the engine's store under these
    // names; the pulls below must start from nothing.
    for (LocalRegistry r : List.of(open, withLogin, untrusted)) {
      pusher.engineCli("rmi", "-f", r.address() + "/appbox/arch:1");
    }
  }

  /**
   * Everything the set-up started, also when it stopped half-way: no registry outlives the test.
   */
  @AfterAll
  void stopEverything() {
    if (pusher != null) {
      for (LocalRegistry r : java.util.Arrays.asList(open, withLogin)) {
        if (r != null) {
          pusher.engineCli("rmi", "-f", r.address() + "/appbox/arch:1");
        }
      }
      if (withLogin != null) {
        pusher.engineCli("logout", withLogin.address());
      }
      pusher.close();
    }
    trusted.forEach(p -> Commands.run(List.of("rm", "-rf", p.toString()), null, null, 30));
    for (AutoCloseable c : java.util.Arrays.asList(open, withLogin, untrusted, repositories)) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    }
    if (work != null) {
      Commands.run(List.of("rm", "-rf", work.toString()), null, null, 60);
    }
  }

  /** A sandbox whose arch profile names the image at {@code reference}, trusting the test CA. */
  private Sandbox sandbox(String reference) throws Exception {
    Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN);
    s.write(".config/appbox/config.yaml", "images:\n  arch: " + reference + "\n");
    for (int port : List.of(OPEN, LOGIN)) {
      s.write(
          ".config/containers/certs.d/127.0.0.1:" + port + "/ca.crt",
          Files.readString(trustedCa.resolve("ca.crt")));
    }
    return s;
  }

  private void trust(Path home, int port) throws Exception {
    Path dir = home.resolve(".config/containers/certs.d/127.0.0.1:" + port);
    Files.createDirectories(dir);
    Files.copy(
        trustedCa.resolve("ca.crt"),
        dir.resolve("ca.crt"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Commands.check(
        List.of(
            "chown",
            "-R",
            TestEnvironment.testUser() + ":",
            home.resolve(".config/containers").toString()));
    trusted.add(dir);
  }

  @Test
  @Order(1)
  @SuppressWarnings("unchecked")
  void createPullsTheProfilesImageWithItsBytesInTheEvents() throws Exception {
    String image = open.address() + "/appbox/arch:1";
    try (Sandbox s = sandbox(image)) {
      String box = s.newBox();
      CommandResult create = s.appbox("--json", "create", box, "--distro", "arch");
      assertThat(create).succeeded();
      List<Map<String, Object>> pulls = new ArrayList<>();
      for (String line : create.stdout().lines().toList()) {
        Map<String, Object> event = Json.parseObject(line);
        if ("pull".equals(event.get("phase")) && event.get("bytes") != null) {
          pulls.add((Map<String, Object>) event.get("bytes"));
        }
      }
      assertThat(pulls).as(create.stdout()).isNotEmpty();
      Map<String, Object> last = pulls.get(pulls.size() - 1);
      assertThat(((Number) last.get("total")).longValue()).isGreaterThan(50_000_000L);
      assertThat(last.get("done")).isEqualTo(last.get("total"));
      assertThat(
              pulls.stream()
                  .mapToLong(b -> ((Number) b.get("done")).longValue())
                  .min()
                  .orElseThrow())
          .isLessThan(((Number) last.get("total")).longValue());
      assertThat(s.appbox("run", box, "--", "cat", "/etc/appbox-registry-test").stdout())
          .isEqualTo("pulled from a registry\n");
      // For people: one line for the pull, with the sizes, on standard error.
      CommandResult text = s.appbox("create", s.newBox(), "--distro", "arch");
      assertThat(text).succeeded();
    }
  }

  @Test
  @Order(2)
  void aDigestPullsExactlyThatImageEvenWhenTheTagHasMoved() throws Exception {
    String repo = open.address() + "/appbox/arch";
    String digest = digest(open, "appbox/arch", "1");
    // The tag moves to another image; the digest still names the first.
    ok(
        pusher.engineCli(
            "push",
            "-q",
            "--cert-dir",
            trustedCa.resolve("trust").toString(),
            "localhost/appbox-test/arch:latest",
            "docker://" + repo + ":1"));
    assertThat(digest(open, "appbox/arch", "1")).isNotEqualTo(digest);
    pusher.engineCli("rmi", "-f", repo + ":1");

    String pinned = repo + "@" + digest;
    try (Sandbox s = sandbox("localhost/appbox-test/arch:latest")) {
      String box = s.newBox();
      CommandResult create = s.appbox("create", box, "--distro", "arch", "--image", pinned);
      assertThat(create).succeeded();
      assertThat(
              s.engineCli("image", "inspect", "--format", "{{.Digest}}", pinned).stdout().strip())
          .isEqualTo(digest);
      assertThat(s.appbox("run", box, "--", "cat", "/etc/appbox-registry-test").stdout())
          .isEqualTo("pulled from a registry\n");
      // The digest stays in what appbox tells and writes: list, and the manifest, which names the
      // image because it is not the profile's.
      assertThat(s.appbox("--json", "list").stdout()).contains(pinned);
      CommandResult manifest = s.appbox("export-manifest", box);
      assertThat(manifest).succeeded();
      assertThat(manifest.stdout()).contains("image: " + pinned);
      s.engineCli("rm", "-f", box);
      s.engineCli("rmi", "-f", pinned);
    }
  }

  @Test
  @Order(3)
  void aRegistryThatWantsALoginGetsTheUsersPodmanLogin() throws Exception {
    String image = withLogin.address() + "/appbox/arch:1";
    try (Sandbox s = sandbox(image)) {
      String box = s.newBox();
      CommandResult refused = s.appbox("create", box, "--distro", "arch");
      assertThat(refused).exitedWith(1);
      assertThat(refused.stderr())
          .contains("Could not pull " + image)
          .contains("wants a login")
          .contains("podman login " + withLogin.address());
      assertThat(s.containerNames()).doesNotContain(box);

      CommandResult login =
          s.engineCli(
              "login",
              "--cert-dir",
              trustedCa.resolve("trust").toString(),
              "-u",
              "appbox",
              "-p",
              "s3cret pass",
              withLogin.address());
      assertThat(login).succeeded();
      try {
        CommandResult create = s.appbox("create", box, "--distro", "arch");
        assertThat(create).succeeded();
        assertThat(s.appbox("run", box, "--", "cat", "/etc/appbox-registry-test").stdout())
            .isEqualTo("pulled from a registry\n");
      } finally {
        s.engineCli("logout", withLogin.address());
      }
    }
  }

  @Test
  @Order(4)
  void aCertificateNobodyTrustsIsRefusedClearlyAndLeavesNothing() throws Exception {
    String image = untrusted.address() + "/appbox/arch:1";
    try (Sandbox s = sandbox(image)) {
      String box = s.newBox();
      CommandResult r = s.appbox("create", box, "--distro", "arch");
      assertThat(r).exitedWith(1);
      assertThat(r.stderr())
          .contains("the certificate of " + untrusted.address() + " is not trusted")
          .contains("certs.d/" + untrusted.address());
      assertThat(s.containerNames()).doesNotContain(box);
      assertThat(s.engineCli("image", "exists", image).exitCode()).isNotZero();
    }
  }

  @Test
  @Order(5)
  void anUnreachableRegistryFailsClearlyAndLeavesNothing() throws Exception {
    String image = "127.0.0.1:" + NOTHING_LISTENS + "/appbox/arch:1";
    try (Sandbox s = sandbox(image)) {
      String box = s.newBox();
      CommandResult r = s.appbox("create", box, "--distro", "arch");
      assertThat(r).exitedWith(1);
      assertThat(r.stderr())
          .contains("Could not pull " + image)
          .contains("the registry 127.0.0.1:" + NOTHING_LISTENS + " cannot be reached");
      assertThat(s.containerNames()).doesNotContain(box);
      assertThat(s.engineCli("image", "exists", image).exitCode()).isNotZero();
    }
  }

  /** The digest the registry gives for a tag, as a pull by tag would get it. */
  private String digest(LocalRegistry registry, String repository, String tag) {
    CommandResult r =
        Commands.check(
            List.of(
                "curl",
                "-sfI",
                "--cacert",
                trustedCa.resolve("ca.crt").toString(),
                "-H",
                "Accept: application/vnd.oci.image.manifest.v1+json,"
                    + " application/vnd.docker.distribution.manifest.v2+json",
                "https://" + registry.address() + "/v2/" + repository + "/manifests/" + tag));
    return r.stdout()
        .lines()
        .filter(l -> l.toLowerCase().startsWith("docker-content-digest:"))
        .map(l -> l.substring(l.indexOf(':') + 1).strip())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no digest in " + r));
  }

  private static void ok(CommandResult r) {
    assertThat(r).succeeded();
  }
}
