package io.appbox.core.upgrade;

import io.appbox.core.AppboxException;
import io.appbox.core.Quote;
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

  /** Checks a manifest URL: http or https, and nothing systemd would read specially. */
  public static String manifestUrl(String url) {
    try {
      URI uri = new URI(url);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw new URISyntaxException(url, "not http(s)");
      }
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

  public static String service(Path appbox, Optional<String> manifestUrl) {
    StringBuilder unit = new StringBuilder();
    unit.append("# Written by appbox auto-update; remove with: appbox auto-update disable\n");
    unit.append("[Unit]\n");
    unit.append("Description=appbox: upgrade every box, transactionally\n");
    unit.append("Wants=network-online.target\n");
    unit.append("After=network-online.target\n\n");
    unit.append("[Service]\n");
    unit.append("Type=oneshot\n");
    unit.append("ExecStart=").append(quote(appbox)).append(" upgrade --all\n");
    manifestUrl.ifPresent(
        url ->
            unit.append("ExecStart=")
                .append(quote(appbox))
                .append(" apply -f \"")
                .append(manifestUrl(url))
                .append("\"\n"));
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
