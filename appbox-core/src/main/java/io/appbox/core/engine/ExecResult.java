package io.appbox.core.engine;

import java.nio.charset.StandardCharsets;

/**
 * How a command in the box ended, and what it printed.
 *
 * @param exitCode its exit status
 * @param output its standard output, byte for byte (a file read from the box stays binary)
 * @param stderr its standard error
 */
public record ExecResult(int exitCode, byte[] output, String stderr) {
  public ExecResult {
    output = output.clone();
  }

  public static ExecResult of(int exitCode, String stdout, String stderr) {
    return new ExecResult(exitCode, stdout.getBytes(StandardCharsets.UTF_8), stderr);
  }

  @Override
  public byte[] output() {
    return output.clone();
  }

  /** Standard output as text. */
  public String stdout() {
    return new String(output, StandardCharsets.UTF_8);
  }

  public boolean ok() {
    return exitCode == 0;
  }
}
