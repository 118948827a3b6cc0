package io.appbox.core.box;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ErrorCode;
import io.appbox.core.ImageRef;
import io.appbox.core.Progress;
import io.appbox.core.engine.ContainerEngine;
import io.appbox.core.engine.ContainerSpec;
import io.appbox.core.engine.ContainerState;
import io.appbox.core.engine.ExecRequest;
import io.appbox.core.engine.ExecResult;
import io.appbox.core.engine.OutputListener;
import io.appbox.core.profile.DistroProfile;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Boxes with systemd as their first process ({@code create --init}), so that services run in them
 * and come back after {@code stop}/{@code start}.
 *
 * <p>A box's container cannot change its first process, and the engines give systemd what it needs
 * (Podman's systemd mode) only when the container is made with it. So an init box is made as every
 * box is, with the keep-alive process; the profile's systemd packages are installed when its {@code
 * /sbin/init} is not systemd; the box, the user's setup included, is committed to an image of its
 * own ({@code localhost/appbox-init:ID}, removed with the box); and the box's container is made
 * again from that image with {@code /sbin/init} as its first process.
 */
final class InitSystem {
  /** The first process of an init box: every profile's systemd packages put systemd there. */
  static final List<String> COMMAND = List.of("/sbin/init");

  /** Where the images init boxes are made from go, tagged with the box's id. */
  private static final String IMAGES = "localhost/appbox-init";

  /** Exit 0 when /sbin/init is systemd (a link to it, as every distribution makes it). */
  private static final List<String> HAS_SYSTEMD =
      List.of(
          "/bin/sh",
          "-c",
          "case $(readlink -f /sbin/init 2>/dev/null) in */systemd) exit 0 ;; esac; exit 1");

  /**
   * logind removes a user's shared memory and message queues when the user's last session ends
   * (RemoveIPC); a box shares the host's IPC namespace, where they are the host session's.
   */
  private static final List<String> KEEP_HOST_IPC =
      List.of(
          "/bin/sh",
          "-c",
          "mkdir -p /etc/systemd/logind.conf.d && printf '%s\\n' '# appbox: the box shares the"
              + " IPC namespace of the host, whose objects are the host session ones.' '[Login]'"
              + " 'RemoveIPC=no' > /etc/systemd/logind.conf.d/appbox.conf");

  /** How long systemd may take to finish starting before appbox says it did not. */
  private static final int BOOT_SECONDS = 120;

  /**
   * How long the engine may refuse every command in a box it says runs before it is taken as dead.
   */
  private static final long REFUSED_NANOS = 10_000_000_000L;

  private InitSystem() {}

  /** Refuses a profile that names no packages for systemd, before anything is made. */
  static void requireSupported(DistroProfile profile) {
    if (profile.systemdPackages().isEmpty()) {
      throw AppboxException.invalid(
          "The "
              + profile.id()
              + " profile names no systemd packages, so its boxes cannot have systemd as their"
              + " first process (--init).",
          "Make the init box from a distro that ships systemd (debian, ubuntu, fedora, almalinux,"
              + " opensuse, arch), or add systemd: [PACKAGES] to the profile.");
    }
  }

  /**
   * Turns the running, set-up box {@code spec} describes into an init box: systemd installed when
   * missing, the box committed and made again from the image with systemd first, booted. When that
   * fails after the image was made, the box and the image are removed.
   */
  static void make(
      ContainerEngine engine, ContainerSpec spec, DistroProfile profile, Progress progress) {
    BoxName box = spec.name();
    if (!exec(engine, box, HAS_SYSTEMD, Map.of()).ok()) {
      SudoSetup.installPackages(
          engine, box, profile, profile.systemdPackages(), progress, "install", "systemd");
    }
    ExecResult ipc = exec(engine, box, KEEP_HOST_IPC, Map.of());
    if (!ipc.ok()) {
      throw new AppboxException(
          ErrorCode.FAILED,
          "Setting up systemd in box " + box + " failed: " + ipc.stderr().strip(),
          "Nothing was left behind.");
    }
    ImageRef image = ImageRef.parse(IMAGES + ":" + spec.labels().get(BoxLabels.ID));
    progress.report("commit", -1, "Making box " + box + " an image to boot systemd from");
    engine.commit(box, image, Map.of(BoxLabels.BASE_FOR, spec.labels().get(BoxLabels.ID)));
    try {
      engine.remove(box, true);
      progress.report("boot", -1, "Starting systemd in box " + box);
      engine.create(spec.withImage(image).withInit(COMMAND));
      engine.start(box);
      awaitBoot(engine, box);
    } catch (RuntimeException e) {
      // No half-made box: the container (when it was made again) first, then the image under it.
      try {
        if (engine.inspect(box).isPresent()) {
          engine.remove(box, true);
        }
        engine.removeImage(image.toString());
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  /** Whether the box is an init box, by its label. */
  static boolean isInit(ContainerState box) {
    return "true".equals(box.labels().get(BoxLabels.INIT));
  }

  /**
   * Waits until systemd in the running box has finished starting ({@code running}, or {@code
   * degraded} when a unit failed: the box is usable). Refuses, with what systemd said, when the box
   * stopped instead: the engine could not give systemd what it needs.
   */
  static void awaitBoot(ContainerEngine engine, BoxName box) {
    long deadline = System.nanoTime() + BOOT_SECONDS * 1_000_000_000L;
    String state = "";
    long pause = 50;
    long refusedSince = 0;
    while (System.nanoTime() < deadline) {
      Optional<ContainerState> now = engine.inspect(box);
      if (now.isEmpty() || !now.get().running()) {
        throw didNotBoot(engine, box);
      }
      ExecResult r;
      try {
        r =
            exec(
                engine,
                box,
                List.of(
                    "timeout",
                    Integer.toString(BOOT_SECONDS),
                    "systemctl",
                    "is-system-running",
                    "--wait"),
                Map.of());
        refusedSince = 0;
      } catch (AppboxException refused) {
        // The box stopping, or gone in all but name: when systemd, its process 1, died, nothing
        // can join its process namespace while the engine still says it runs (rootless Podman).
        long at = System.nanoTime();
        if (refusedSince == 0) {
          refusedSince = at;
        } else if (at - refusedSince > REFUSED_NANOS) {
          throw didNotBoot(engine, box);
        }
        r = null;
      }
      state = r == null ? "" : r.stdout().strip();
      if (state.equals("running") || state.equals("degraded")) {
        return;
      }
      if (!state.isEmpty() && !state.equals("offline") && !state.equals("unknown")) {
        break; // maintenance, stopping: systemd is up but will not be
      }
      // Not yet: systemd has not made its socket, or the box is stopping.
      sleep(pause);
      pause = Math.min(pause * 2, 500);
    }
    Optional<ContainerState> now = engine.inspect(box);
    if (now.isEmpty() || !now.get().running()) {
      throw didNotBoot(engine, box);
    }
    throw new AppboxException(
        ErrorCode.FAILED,
        "systemd in box "
            + box
            + " did not finish starting"
            + (state.isEmpty() ? " within " + BOOT_SECONDS + " s" : ": it is " + state)
            + ".",
        "See what failed: appbox run --root " + box + " -- systemctl --failed");
  }

  /** The box stopped as systemd started: why, in systemd's words, and what would help. */
  private static AppboxException didNotBoot(ContainerEngine engine, BoxName box) {
    String said = engine.lastOutput(box, 20).strip();
    List<String> lines = said.lines().filter(l -> !l.isBlank()).toList();
    String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 6), lines.size()));
    String lower = said.toLowerCase(Locale.ROOT);
    // systemd says why on the console, which the engine's log has only when it keeps one.
    Optional<String> hostSays = engine.systemdCgroupProblem();
    if (lower.contains("control group") || lower.contains("cgroup") || hostSays.isPresent()) {
      return new AppboxException(
          ErrorCode.ENGINE_UNSUPPORTED,
          "systemd could not start in box "
              + box
              + ": the engine could not give it a control group (cgroup) of its own"
              + hostSays.map(why -> ": " + why).orElse("")
              + "."
              + (tail.isEmpty() ? "" : " systemd said:\n" + tail),
          "Rootless Podman needs cgroup v2 with the user's cgroups delegated by the host's"
              + " systemd (as on Fedora Silverblue); on this host make init boxes with rootful"
              + " Podman or Docker (appbox --rootful create ...). Nothing was left behind.");
    }
    return new AppboxException(
        ErrorCode.ENGINE_FAILED,
        "systemd stopped as it started in box "
            + box
            + "."
            + (tail.isEmpty() ? "" : " It said:\n" + tail),
        "Nothing was left behind; see the engine's log for more.");
  }

  private static ExecResult exec(
      ContainerEngine engine, BoxName box, List<String> argv, Map<String, String> env) {
    return engine.exec(box, ExecRequest.asRoot(argv, env), OutputListener.NONE);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AppboxException(ErrorCode.FAILED, "Interrupted while systemd started.", "");
    }
  }
}
