package io.appbox.e2e;

import static io.appbox.e2e.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A signal during {@code install} (SIGTERM, or SIGHUP from a closed terminal) is passed on to the
 * package manager in the box and waited for; appbox says what state the box is in; {@code doctor}
 * reports the transaction left unfinished and {@code doctor --fix} finishes it and exports what got
 * installed.
 */
class InterruptedInstallTest {

  /** e2e-slow, with an application, whose first configure waits a minute: time to interrupt. */
  private static void publishSlowPackage(Sandbox s, String box) {
    BoxFixture fx = new BoxFixture(s, box);
    fx.write("/tmp/e2e-slow/usr/bin/e2e-slow", "#!/bin/sh\necho slow\n", "755");
    fx.write(
        "/tmp/e2e-slow/usr/share/applications/org.example.Slow.desktop",
        "[Desktop Entry]\nType=Application\nName=Slow\nExec=/usr/bin/e2e-slow\n",
        "644");
    fx.write(
        "/tmp/e2e-slow/DEBIAN/control",
        "Package: e2e-slow\nVersion: 1.0\nArchitecture: all\n"
            + "Maintainer: appbox e2e <e2e@example.org>\nDescription: configures slowly\n",
        "644");
    fx.write(
        "/tmp/e2e-slow/DEBIAN/postinst",
        "#!/bin/sh\nif [ ! -e /var/tmp/e2e-slow-once ]; then\n"
            + "  touch /var/tmp/e2e-slow-once /tmp/e2e-slow-configuring\n  sleep 60\nfi\n",
        "755");
    CommandResult r =
        s.appbox(
            "run",
            "--root",
            box,
            "--",
            "sh",
            "-c",
            "set -e; mkdir -p /srv/e2e-slow; dpkg-deb -b /tmp/e2e-slow /srv/e2e-slow/e2e-slow.deb"
                + " >/dev/null; cd /srv/e2e-slow; f=e2e-slow.deb; { dpkg-deb -f $f;"
                + " printf 'Filename: ./%s\\nSize: %s\\nSHA256: %s\\n\\n' $f $(stat -c %s $f)"
                + " $(sha256sum $f | cut -d' ' -f1); } > Packages;"
                + " echo 'deb [trusted=yes] file:/srv/e2e-slow ./' >"
                + " /etc/apt/sources.list.d/e2e-slow.list; apt-get update"
                + " -o Dir::Etc::sourcelist=sources.list.d/e2e-slow.list"
                + " -o Dir::Etc::sourceparts=- -o APT::Get::List-Cleanup=0 >/dev/null");
    assertThat(r).succeeded();
  }

  @ParameterizedTest
  @CsvSource({"TERM, 143", "HUP, 129"})
  void aSignalReachesThePackageManagerAndDoctorFixFinishesTheInstall(String signal, int exit)
      throws Exception {
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN)) {
      String box = s.newBox();
      assertThat(s.appbox("create", box).exitCode()).isZero();
      publishSlowPackage(s, box);

      Path out = Files.createTempFile("appbox-e2e-install-", ".out");
      Path err = Files.createTempFile("appbox-e2e-install-", ".err");
      Process install = s.start(out, err, "install", "--box", box, "e2e-slow");
      long deadline = System.currentTimeMillis() + 120_000;
      while (s.appbox("run", box, "--", "test", "-e", "/tmp/e2e-slow-configuring").exitCode()
          != 0) {
        assertThat(install.isAlive()).as("install still runs: " + Files.readString(err)).isTrue();
        assertThat(System.currentTimeMillis())
            .as("the package is configuring")
            .isLessThan(deadline);
        Thread.sleep(200);
      }
      ProcessHandle java = Sandbox.javaOf(install);
      Commands.check(List.of("kill", "-" + signal, Long.toString(java.pid())));
      // Well before the minute the package's script would take: the signal reached it.
      assertThat(install.waitFor(40, TimeUnit.SECONDS)).as(Files.readString(err)).isTrue();
      String said = Files.readString(err);
      assertThat(install.exitValue()).as(said).isEqualTo(exit);
      assertThat(said)
          .contains("Interrupted: appbox stops the install of e2e-slow in " + box)
          .contains("Interrupted: nothing was installed in box " + box)
          .contains("may have left its work unfinished")
          .contains("hint: Finish or undo it: appbox doctor --fix");
      // Boxes share the host's process table: nothing of the package's script runs on.
      CommandResult left = s.host("pgrep", "-f", "e2e-slow[.]postinst");
      assertThat(left).exitedWith(1);

      CommandResult doctor = s.appbox("doctor");
      assertThat(doctor.exitCode()).isEqualTo(1);
      assertThat(doctor.stdout())
          .contains("transaction " + box + ": the install of e2e-slow begun")
          .contains("hint: Finish it: appbox doctor --fix");

      CommandResult fix = s.appbox("doctor", "--fix");
      assertThat(fix).succeeded();
      assertThat(fix.stdout()).contains("finished, e2e-slow installed, org.example.Slow exported");
      assertThat(s.appbox("packages", "--box", box).stdout()).containsPattern("(?m)^e2e-slow\\s");
      assertThat(
              s.home()
                  .resolve(
                      ".local/share/applications/appbox-"
                          + box.replace("-", "--")
                          + "-org.example.Slow.desktop"))
          .exists();
      assertThat(s.appbox("doctor").exitCode()).isZero();
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
