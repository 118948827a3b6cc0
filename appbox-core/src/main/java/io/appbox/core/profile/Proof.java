package io.appbox.core.profile;

/**
 * How appbox's own tests prove a profile, as {@code appbox profiles} tells it.
 *
 * @param level end to end against the real package manager, unit tests only, or not known (a
 *     profile of the user's own)
 * @param detail for {@code END_TO_END} the package manager and version the end-to-end tests ran
 *     ({@code dnf5 5.4.6.0}); for {@code UNIT_TESTS} why it is not proven end to end
 */
public record Proof(Level level, String detail) {
  public enum Level {
    END_TO_END,
    UNIT_TESTS,
    UNKNOWN
  }

  public static final Proof UNKNOWN = new Proof(Level.UNKNOWN, "");

  /** One line for people: "end to end with dnf5 5.4.6.0", "unit tests only: REASON". */
  public String describe() {
    return switch (level) {
      case END_TO_END -> "end to end with " + detail;
      case UNIT_TESTS -> "unit tests only: " + detail;
      case UNKNOWN -> "not proven by appbox's tests";
    };
  }
}
