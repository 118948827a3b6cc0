package io.appbox.core;

/**
 * Progress of a long operation, reported as it happens. The command line draws it as a bar or
 * writes it as JSON events.
 */
public interface Progress {
  Progress NONE = (phase, percent, message) -> {};

  /**
   * @param phase a short word a frontend can switch on ({@code pull}, {@code create}, {@code
   *     install})
   * @param percent 0 to 100, or -1 when the total is not known
   * @param message a line for people
   */
  void report(String phase, int percent, String message);
}
