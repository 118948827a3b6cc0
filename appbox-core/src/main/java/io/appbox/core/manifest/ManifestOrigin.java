package io.appbox.core.manifest;

import io.appbox.core.AppboxException;
import io.appbox.core.Quote;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether appbox may trust where a manifest comes from. A manifest carries root {@code init}
 * commands and volumes for boxes that share the user's home: whoever can alter it in transit gets
 * code into those boxes. So a manifest URL is https, or plain http only when the user says {@code
 * --insecure} (or {@code insecure-manifests: true} in config.yaml); and a {@code --sha256} pin
 * makes appbox refuse any manifest but the one the user checked, whatever the transport.
 */
public final class ManifestOrigin {
  private static final Pattern SHA256 = Pattern.compile("(?:sha256:)?([0-9A-Fa-f]{64})");

  private ManifestOrigin() {}

  /**
   * Refuses a plain http URL unless {@code insecure}.
   *
   * @throws AppboxException {@code INVALID_INPUT} naming the URL and the ways out
   */
  public static void checkTransport(URI uri, boolean insecure) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("http") && !insecure) {
      throw AppboxException.invalid(
          "Manifest URL "
              + Quote.of(uri.toString())
              + " is plain http: anyone on the way could change the commands it runs as root in"
              + " your boxes.",
          "Use its https URL. If you trust the network, allow http with --insecure (or"
              + " insecure-manifests: true in config.yaml), best together with --sha256 HASH of"
              + " the manifest you checked.");
    }
  }

  /**
   * The pin in its canonical form, 64 lower-case hex digits; {@code sha256:} before it is allowed.
   *
   * @throws AppboxException {@code INVALID_INPUT} when it is not a SHA-256 in hex
   */
  public static String pin(String sha256) {
    var m = sha256 == null ? null : SHA256.matcher(sha256.strip());
    if (m == null || !m.matches()) {
      throw AppboxException.invalid(
          "--sha256 " + Quote.of(sha256) + " is not a SHA-256 hash (64 hexadecimal digits).",
          "Take it from the manifest you checked: sha256sum boxes.yaml");
    }
    return m.group(1).toLowerCase(Locale.ROOT);
  }

  /**
   * Refuses {@code content} unless its SHA-256 is {@code pin}.
   *
   * @param source the file or URL, for the message
   * @throws AppboxException {@code INVALID_INPUT} with both hashes
   */
  public static void verify(byte[] content, Optional<String> pin, String source) {
    if (pin.isEmpty()) {
      return;
    }
    String expected = pin(pin.get());
    String actual = sha256(content);
    if (!actual.equals(expected)) {
      throw AppboxException.invalid(
          "The manifest "
              + source
              + " is not the one pinned: its SHA-256 is "
              + actual
              + ", not "
              + expected
              + ".",
          "Someone changed it, or the pin is of another version. Check the manifest; pin the new"
              + " hash only if you trust the change.");
    }
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
