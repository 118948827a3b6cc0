package io.appbox.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OCI image reference such as {@code docker.io/library/debian:bookworm}, checked against the
 * distribution reference grammar so that nothing odd reaches the engine.
 */
public record ImageRef(String registry, String repository, String tag, String digest) {
  private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
  private static final String DOMAIN_PART = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  private static final String DOMAIN = DOMAIN_PART + "(?:\\." + DOMAIN_PART + ")*(?::[0-9]+)?";
  private static final Pattern REFERENCE =
      Pattern.compile(
          "(?:("
              + DOMAIN
              + ")/)?("
              + COMPONENT
              + "(?:/"
              + COMPONENT
              + ")*)(?::([\\w][\\w.-]{0,127}))?(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?");

  public static ImageRef parse(String text) {
    if (text == null || text.isBlank() || text.length() > 255) {
      throw AppboxException.invalid(
          "Image reference " + Quote.of(text) + " is not valid.",
          "Give a reference such as docker.io/library/debian:bookworm.");
    }
    Matcher m = REFERENCE.matcher(text);
    if (!m.matches()) {
      throw AppboxException.invalid(
          "Image reference " + Quote.of(text) + " is not valid.",
          "Give a reference such as docker.io/library/debian:bookworm.");
    }
    String registry = m.group(1);
    String repository = m.group(2);
    // "debian/x" has no registry; "localhost/x" and "quay.io/x" do, as in the reference grammar.
    if (registry != null
        && !registry.contains(".")
        && !registry.contains(":")
        && !registry.equals("localhost")) {
      repository = registry + "/" + repository;
      registry = null;
    }
    return new ImageRef(registry, repository, m.group(3), m.group(4));
  }

  /** True when the reference names its registry, so no short-name resolution is involved. */
  public boolean isFullyQualified() {
    return registry != null;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    if (registry != null) {
      out.append(registry).append('/');
    }
    out.append(repository);
    if (tag != null) {
      out.append(':').append(tag);
    }
    if (digest != null) {
      out.append('@').append(digest);
    }
    return out.toString();
  }
}
