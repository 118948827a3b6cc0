package io.appbox.core.profile;

/** How a package manager reports progress, so appbox can turn it into its own. */
public enum ProgressFormat {
  /** No machine-readable progress; appbox shows activity without a percentage. */
  NONE,
  /**
   * apt's status lines ({@code pmstatus:PKG:PERCENT:TEXT}, {@code dlstatus:...}) written to
   * standard output by {@code -o APT::Status-Fd=1}.
   */
  APT_STATUS
}
