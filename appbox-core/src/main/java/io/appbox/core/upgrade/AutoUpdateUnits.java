package io.appbox.core.upgrade;

import io.appbox.core.AppboxException;
import io.appbox.core.Quote;
import io.appbox.core.manifest.ManifestOrigin;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The systemd user service and timer of {@code appbox auto-update}: a oneshot service that runs
 * {@code appbox upgrade --all} (then {@code apply} of a manifest URL when given), and a timer that
 * starts it.
 */
public final class AutoUpdateUnits {
  public static final String SERVICE = "appbox-auto-update.service";
  public static final String TIMER = "appbox-auto-update.timer";
  private static final Pattern CALENDAR = Pattern.compile("[A-Za-z0-9 *:,./~-]{1,100}");

  private AutoUpdateUnits() {}

  /** Checks a systemd calendar expression loosely; systemd-analyze checks it fully. */
  public static String calendar(String onCalendar) {
    if (onCalendar == null || !CALENDAR.matcher(onCalendar).matches()) {
      throw AppboxException.invalid(
          "Schedule " + Quote.of(onCalendar) + " is not a systemd calendar expression.",
          "For example: daily, weekly, 'Mon *-*-* 04:00'");
    }
    return onCalendar;
  }

  /**
   * The manifest the service applies after upgrading.
   *
   * @param url an https URL, or http when {@code insecure}
   * @param sha256 the pin the service checks, or empty
   * @param insecure whether a plain http URL is allowed ({@code --insecure})
   */
  public record ManifestToApply(String url, Optional<String> sha256, boolean insecure) {
    public ManifestToApply {
      manifestUrl(url, insecure);
      sha256 = sha256.map(ManifestOrigin::pin);
    }
  }

  /**
   * Checks a manifest URL: https (or http when {@code insecure}), and nothing systemd would read
   * specially.
   */
  public static String manifestUrl(String url, boolean insecure) {
    try {
      URI uri = new URI(url);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw new URISyntaxException(url, "not http(s)");
      }
      ManifestOrigin.checkTransport(uri, insecure);
    } catch (URISyntaxException e) {
      throw AppboxException.invalid(
          "Manifest " + Quote.of(url) + " is not an http(s) URL.",
          "For example: https://example.org/boxes.yaml");
    }
    if (url.chars()
        .anyMatch(c -> c <= ' ' || c == '"' || c == '\\' || c == '\'' || c == '%' || c == 0x7f)) {
      throw AppboxException.invalid(
          "Manifest URL " + Quote.of(url) + " has characters a unit file would change.",
          "Percent-encode them.");
    }
    return url;
  }

  public static String service(Path appbox, Optional<ManifestToApply> manifest) {
    StringBuilder unit = new StringBuilder();
    unit.append("# Written by appbox auto-update; remove with: appbox auto-update disable\n");
    unit.append("[Unit]\n");
    unit.append("Description=appbox: upgrade every box, transactionally\n");
    unit.append("Wants=network-online.target\n");
    unit.append("After=network-online.target\n\n");
    unit.append("[Service]\n");
    unit.append("Type=oneshot\n");
    unit.append("ExecStart=").append(quote(appbox)).append(" upgrade --all\n");
    manifest.ifPresent(
        m -> {
          unit.append("ExecStart=")
              .append(quote(appbox))
              .append(" apply -f \"")
              .append(m.url())
              .append("\"");
          m.sha256().ifPresent(pin -> unit.append(" --sha256 ").append(pin));
          if (m.insecure()) {
            unit.append(" --insecure");
          }
          unit.append("\n");
        });
    return unit.toString();
  }

  public static String timer(String onCalendar) {
    return "# Written by appbox auto-update; remove with: appbox auto-update disable\n"
        + "[Unit]\n"
        + "Description=appbox: upgrade every box on a schedule\n\n"
        + "[Timer]\n"
        + "OnCalendar="
        + calendar(onCalendar)
        + "\n"
        + "RandomizedDelaySec=15min\n"
        + "Persistent=true\n\n"
        + "[Install]\n"
        + "WantedBy=timers.target\n";
  }

  /** A path as one word of an ExecStart line: quoted, with systemd's specifiers escaped. */
  private static String quote(Path path) {
    String p = path.toAbsolutePath().normalize().toString();
    if (p.chars().anyMatch(c -> c < ' ' || c == '"' || c == '\\')) {
      throw AppboxException.invalid(
          "appbox is installed at a path systemd cannot name: " + Quote.of(p), "");
    }
    return "\"" + p.replace("%", "%%") + "\"";
  }
}
