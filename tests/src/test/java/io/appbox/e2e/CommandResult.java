package io.appbox.e2e;

import java.util.List;

/** How a command ended and what it printed. */
record CommandResult(List<String> argv, int exitCode, String stdout, String stderr) {
  @Override
  public String toString() {
    return String.join(" ", argv)
        + "\n  exit: "
        + exitCode
        + "\n  stdout: "
        + stdout.strip()
        + "\n  stderr: "
        + stderr.strip();
  }
}
