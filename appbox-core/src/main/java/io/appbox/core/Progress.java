package io.appbox.core;

/**
 * Progress of a long operation, reported as it happens. The command line draws it as a bar or
 * writes it as JSON events.
 */
public interface Progress {
  // A class, not a lambda: the start-up cache holds no lambda of an interface's initializer, and
  // making one costs every command a few milliseconds.
  Progress NONE =
      new Progress() {
        @Override
        public void report(String phase, int percent, String message) {}
      };

  /**
   * @param phase a short word a frontend can switch on ({@code pull}, {@code create}, {@code
   *     install})
   * @param percent 0 to 100, or -1 when the total is not known
   * @param message a line for people
   */
  void report(String phase, int percent, String message);

  /**
   * Progress of a transfer whose size is known: a frontend can show the bytes; by default the
   * percentage is reported as any other.
   *
   * @param done bytes transferred so far
   * @param total bytes to transfer
   */
  default void transfer(String phase, long done, long total, String message, int percent) {
    report(phase, percent, message);
  }
}
