package io.appbox.cli;

import io.appbox.core.AppboxException;
import io.appbox.core.Progress;
import io.appbox.core.json.Json;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything a command prints. With {@code --json}, standard output carries exactly one JSON
 * document, or for long operations JSON Lines of progress events and one result; without it,
 * results are text for people on standard output, progress and errors on standard error.
 */
final class Output {
  private final PrintStream out;
  private final PrintStream err;
  private final boolean json;
  private final boolean color;
  private final boolean errTerminal;
  private final int width;
  private boolean longOperation;
  private ProgressLine progressLine;
  private Progress progress;

  Output(
      PrintStream out,
      PrintStream err,
      boolean json,
      boolean color,
      boolean errTerminal,
      int width) {
    this.out = out;
    this.err = err;
    this.json = json;
    this.color = color;
    this.errTerminal = errTerminal;
    this.width = width;
  }

  /** Makes the output once the global options are known. */
  interface Factory {
    Output create(GlobalOptions options);
  }

  boolean json() {
    return json;
  }

  boolean color() {
    return color;
  }

  /** Marks this command as a long operation: with --json, it writes JSON Lines. */
  Progress longOperation() {
    if (longOperation && progress != null) {
      return progress;
    }
    longOperation = true;
    progress = progressFor();
    return progress;
  }

  /**
   * Progress of a short command's occasional long step (a first index refresh before a search): the
   * progress line on standard error, and nothing with --json, whose output is one document.
   */
  Progress sideProgress() {
    if (json) {
      return Progress.NONE;
    }
    if (progressLine == null) {
      progressLine = new ProgressLine(err, errTerminal, width);
    }
    return progressLine;
  }

  private Progress progressFor() {
    if (json) {
      return new Progress() {
        @Override
        public void report(String phase, int percent, String message) {
          event(phase, percent, message, null);
        }

        @Override
        public void transfer(String phase, long done, long total, String message, int percent) {
          Map<String, Object> bytes = new LinkedHashMap<>();
          bytes.put("done", done);
          bytes.put("total", total);
          event(phase, percent, message, bytes);
        }

        private synchronized void event(
            String phase, int percent, String message, Map<String, Object> bytes) {
          Map<String, Object> event = new LinkedHashMap<>();
          event.put("event", "progress");
          event.put("phase", phase);
          event.put("percent", percent < 0 ? null : percent);
          event.put("message", message);
          if (bytes != null) {
            event.put("bytes", bytes);
          }
          out.println(Json.write(event));
          out.flush();
        }
      };
    }
    progressLine = new ProgressLine(err, errTerminal, width);
    return progressLine;
  }

  /** The command's result: JSON data, or the text {@code human} prints. */
  void result(Object data, Runnable human) {
    finishProgress();
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      if (longOperation) {
        doc.put("event", "result");
      }
      doc.put("ok", true);
      doc.put("data", data);
      out.println(Json.write(doc));
    } else {
      human.run();
    }
    out.flush();
  }

  void error(AppboxException e) {
    finishProgress();
    if (json) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("code", e.code().name());
      error.put("message", e.getMessage());
      error.put("hint", e.hint());
      Map<String, Object> doc = new LinkedHashMap<>();
      if (longOperation) {
        doc.put("event", "result");
      }
      doc.put("ok", false);
      doc.put("error", error);
      out.println(Json.write(doc));
      out.flush();
      return;
    }
    String label = color ? "\u001b[1;31merror:\u001b[0m " : "error: ";
    // Each line made safe on its own: a message of several lines (the package manager's last
    // lines) keeps them.
    err.println(label + Text.printableLines(e.getMessage()));
    if (!e.hint().isEmpty()) {
      String hint = color ? "\u001b[1mhint:\u001b[0m " : "hint: ";
      err.println(hint + Text.printableLines(e.hint()));
    }
    err.flush();
  }

  /** Asks a question on standard error, below any progress line, and returns the answer. */
  String ask(String question, java.util.function.Supplier<String> answer) {
    finishProgress();
    err.print(Text.printableLines(question));
    err.flush();
    return answer.get();
  }

  /** A line for people on standard output (never with --json), below any progress line. */
  void println(String line) {
    if (!json) {
      finishProgress();
      out.println(line);
    }
  }

  /**
   * A line of appbox's log ({@link io.appbox.core.log.Log}) on standard error, never standard
   * output: in --json mode standard output holds the JSON alone.
   */
  void log(String line) {
    synchronized (err) {
      finishProgress();
      err.println(line);
    }
  }

  /** A warning on standard error. */
  void warn(String line) {
    finishProgress();
    if (!json) {
      err.println((color ? "\u001b[1;33mwarning:\u001b[0m " : "warning: ") + Text.printable(line));
    }
  }

  PrintStream out() {
    return out;
  }

  void finishProgress() {
    if (progressLine != null) {
      progressLine.finish();
    }
  }
}
