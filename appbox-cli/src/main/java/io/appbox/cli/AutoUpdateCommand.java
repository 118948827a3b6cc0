package io.appbox.cli;

import io.appbox.core.AppboxException;
import io.appbox.core.ErrorCode;
import io.appbox.core.host.AtomicFile;
import io.appbox.core.upgrade.AutoUpdateUnits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "auto-update",
    description = {
      "Upgrade every box on a schedule: enable writes a systemd user service and timer under"
          + " $XDG_CONFIG_HOME/systemd/user/ that run `appbox upgrade --all` (and `apply` of a"
          + " manifest URL when given) and starts the timer when a user session manager runs;"
          + " disable stops and removes them; status tells."
    },
    footer = {
      "",
      "Examples:",
      "  appbox auto-update enable",
      "  appbox auto-update enable --on-calendar weekly --manifest https://example.org/boxes.yaml",
      "  appbox auto-update enable --manifest https://example.org/boxes.yaml --sha256 HASH",
      "  appbox auto-update status --json",
      "  appbox auto-update disable"
    })
final class AutoUpdateCommand extends BaseCommand {
  enum Action {
    enable,
    disable,
    status
  }

  @Parameters(index = "0", paramLabel = "ACTION", description = "enable, disable or status.")
  Action action;

  @Option(
      names = "--on-calendar",
      paramLabel = "WHEN",
      description = "systemd calendar expression (default: daily).")
  String onCalendar = "daily";

  @Option(
      names = "--manifest",
      paramLabel = "URL",
      description = "Also apply this manifest (an https URL) after upgrading.")
  String manifest;

  @Option(
      names = "--sha256",
      paramLabel = "HASH",
      description = "Apply the manifest only while its SHA-256 is HASH.")
  String sha256;

  @Option(
      names = "--insecure",
      description =
          "Allow a plain http:// manifest URL (config: insecure-manifests: true); pin it with"
              + " --sha256.")
  boolean insecure;

  @Override
  int execute(Session session) {
    Path dir = session.dirs().configHome().resolve("systemd/user");
    Path service = dir.resolve(AutoUpdateUnits.SERVICE);
    Path timer = dir.resolve(AutoUpdateUnits.TIMER);
    Output out = session.output();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("service", service.toString());
    data.put("timer", timer.toString());
    switch (action) {
      case enable -> {
        String timerText = AutoUpdateUnits.timer(onCalendar);
        if (manifest == null && (sha256 != null || insecure)) {
          throw AppboxException.invalid(
              "--sha256 and --insecure are about a manifest, and no --manifest was given.",
              "For example: appbox auto-update enable --manifest https://example.org/boxes.yaml"
                  + " --sha256 HASH");
        }
        Optional<AutoUpdateUnits.ManifestToApply> toApply =
            Optional.ofNullable(manifest)
                .map(
                    url ->
                        new AutoUpdateUnits.ManifestToApply(
                            url,
                            Optional.ofNullable(sha256),
                            insecure || session.config().insecureManifests()));
        String serviceText = AutoUpdateUnits.service(appbox(session), toApply);
        write(service, serviceText);
        write(timer, timerText);
        boolean started =
            systemctl(List.of("daemon-reload"))
                && systemctl(List.of("enable", "--now", AutoUpdateUnits.TIMER));
        data.put("enabled", true);
        data.put("timerActive", started);
        out.result(
            data,
            () -> {
              out.println("Wrote " + service + " and " + timer + ".");
              out.println(
                  started
                      ? "The timer runs " + onCalendar + "."
                      : "No user session manager answered; start the timer with: systemctl --user enable --now "
                          + AutoUpdateUnits.TIMER);
            });
      }
      case disable -> {
        systemctl(List.of("disable", "--now", AutoUpdateUnits.TIMER));
        delete(timer);
        delete(service);
        systemctl(List.of("daemon-reload"));
        data.put("enabled", false);
        data.put("timerActive", false);
        out.result(data, () -> out.println("Automatic upgrades are off; removed the units."));
      }
      case status -> {
        boolean enabled = Files.isRegularFile(service) && Files.isRegularFile(timer);
        data.put("enabled", enabled);
        data.put(
            "timerActive",
            enabled && systemctl(List.of("is-active", "--quiet", AutoUpdateUnits.TIMER)));
        out.result(
            data,
            () ->
                out.println(
                    enabled
                        ? "Automatic upgrades are on (" + timer + ")."
                        : "Automatic upgrades are off. Turn them on: appbox auto-update enable"));
      }
    }
    return ExitCodes.OK;
  }

  /** The installed appbox command: the launcher next to this JVM's jars. */
  private static Path appbox(Session session) {
    String home = System.getProperty("appbox.home");
    if (home == null) {
      throw new AppboxException(
          ErrorCode.FAILED,
          "Cannot tell where appbox is installed.",
          "Run the installed appbox command.");
    }
    return Path.of(home, "bin", "appbox");
  }

  private static void write(Path file, String text) {
    try {
      AtomicFile.write(file, text.getBytes(StandardCharsets.UTF_8), "rw-r--r--");
    } catch (IOException e) {
      throw new AppboxException(
          ErrorCode.FAILED, "Could not write " + file + ": " + e.getMessage(), "", e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new AppboxException(
          ErrorCode.FAILED, "Could not remove " + file + ": " + e.getMessage(), "", e);
    }
  }

  /** Runs systemctl --user when there is one with a session manager; false otherwise. */
  private static boolean systemctl(List<String> args) {
    Path systemctl = Path.of("/usr/bin/systemctl");
    if (!Files.isExecutable(systemctl)) {
      return false;
    }
    List<String> argv = new java.util.ArrayList<>(List.of(systemctl.toString(), "--user"));
    argv.addAll(args);
    try {
      Process p =
          new ProcessBuilder(argv)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return false;
      }
      return p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
