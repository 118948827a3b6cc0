package io.appbox.core.engine;

/** How a command in the box ended, and what it printed. */
public record ExecResult(int exitCode, String stdout, String stderr) {
  public boolean ok() {
    return exitCode == 0;
  }
}
