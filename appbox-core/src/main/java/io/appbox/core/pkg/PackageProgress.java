package io.appbox.core.pkg;

import io.appbox.core.Progress;
import io.appbox.core.engine.OutputListener;
import io.appbox.core.profile.ProgressFormat;

/**
 * Turns the package manager's own progress into appbox's: apt's status lines ({@code
 * dlstatus:N:PERCENT:TEXT} while downloading, {@code pmstatus:PKG:PERCENT:TEXT} while installing)
 * become percentages; other lines become activity.
 */
final class PackageProgress implements OutputListener {
  private final ProgressFormat format;
  private final Progress progress;
  private final String phase;

  PackageProgress(ProgressFormat format, Progress progress, String phase) {
    this.format = format;
    this.progress = progress;
    this.phase = phase;
  }

  @Override
  public void line(Stream stream, String line) {
    if (line.isBlank()) {
      return;
    }
    if (format == ProgressFormat.APT_STATUS) {
      boolean download = line.startsWith("dlstatus:");
      if (download || line.startsWith("pmstatus:")) {
        String[] f = line.split(":", 4);
        if (f.length == 4) {
          int percent = percent(f[2]);
          // Downloading is the first fifth of the bar, unpacking and setting up the rest.
          int overall = download ? percent / 5 : 20 + percent * 4 / 5;
          progress.report(download ? "download" : phase, overall, f[3]);
          return;
        }
      }
      if (line.startsWith("pmerror:") || line.startsWith("pmconffile:")) {
        progress.report(phase, -1, line.substring(line.indexOf(':') + 1));
        return;
      }
    }
    if (stream == Stream.STDOUT) {
      progress.report(phase, -1, line.strip());
    }
  }

  private static int percent(String text) {
    try {
      return Math.max(0, Math.min(100, (int) Double.parseDouble(text)));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
