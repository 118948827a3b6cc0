package io.appbox.cli;

import io.appbox.core.Progress;
import java.io.PrintStream;

/**
 * Progress on standard error: on a terminal, one line redrawn in place, with a bar when the
 * percentage is known; elsewhere, one plain line for each new step.
 */
final class ProgressLine implements Progress {
  private static final int BAR = 24;
  private final PrintStream err;
  private final boolean terminal;
  private final int width;
  private String lastMessage = "";
  private final java.util.Set<String> phasesShown = new java.util.HashSet<>();
  private boolean drawn;
  private int lastPercent = -1;

  ProgressLine(PrintStream err, boolean terminal, int width) {
    this.err = err;
    this.terminal = terminal;
    this.width = width;
  }

  @Override
  public synchronized void report(String phase, int percent, String message) {
    String text = Text.printable(message == null ? "" : message);
    if (!terminal) {
      // In a log, one line for each step, not every line the package manager prints.
      if (phasesShown.add(phase)) {
        err.println(text);
      }
      return;
    }
    StringBuilder line = new StringBuilder();
    // An activity line (the package manager's own) keeps the bar: it says nothing of how far.
    if (percent >= 0) {
      lastPercent = percent;
    }
    if (lastPercent >= 0) {
      int filled = Math.min(BAR, lastPercent * BAR / 100);
      line.append('[')
          .append("#".repeat(filled))
          .append(" ".repeat(BAR - filled))
          .append("] ")
          .append(String.format("%3d%% ", lastPercent));
    }
    line.append(text);
    String shown = line.length() > width - 1 ? line.substring(0, width - 1) : line.toString();
    err.print("\r\u001b[2K" + shown);
    err.flush();
    drawn = true;
    lastMessage = text;
  }

  synchronized void finish() {
    if (terminal && drawn) {
      err.print("\r\u001b[2K");
      err.flush();
      drawn = false;
    }
  }
}
