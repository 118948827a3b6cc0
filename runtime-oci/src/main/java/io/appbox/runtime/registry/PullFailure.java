package io.appbox.runtime.registry;

import io.appbox.core.AppboxException;
import io.appbox.core.ErrorCode;
import io.appbox.core.ImageRef;
import io.appbox.core.Quote;
import io.appbox.core.engine.RegistryUnreachable;
import java.util.Locale;

/**
 * A failed pull in the user's words: what went wrong with the registry (no answer, a certificate
 * nobody trusts, no login, no such image) and what to do, from the engine's own message.
 */
public final class PullFailure {
  private PullFailure() {}

  public static AppboxException of(ImageRef image, String engineSays) {
    String registry = image.registry() == null ? "the registry" : image.registry();
    String says = Quote.of(engineSays.strip(), 600);
    String lower = engineSays.toLowerCase(Locale.ROOT);
    if (lower.contains("x509:") || lower.contains("certificate")) {
      return new AppboxException(
          ErrorCode.FAILED,
          "Could not pull "
              + image
              + ": the certificate of "
              + registry
              + " is not trusted: "
              + says,
          "If the registry's certificate comes from your own CA, trust it for the engine: for"
              + " Podman put the CA in ~/.config/containers/certs.d/"
              + registry
              + "/ca.crt (or /etc/containers/certs.d/), for Docker in /etc/docker/certs.d/"
              + registry
              + "/ca.crt.");
    }
    if (lower.contains("unauthorized")
        || lower.contains("authentication required")
        || lower.contains("access to the requested resource is not authorized")
        || lower.contains("denied")) {
      return new AppboxException(
          ErrorCode.FAILED,
          "Could not pull " + image + ": " + registry + " wants a login: " + says,
          "Log in first: podman login " + registry + " (or docker login " + registry + ").");
    }
    if (lower.contains("connection refused")
        || lower.contains("no such host")
        || lower.contains("temporary failure in name resolution")
        || lower.contains("dial tcp")
        || lower.contains("i/o timeout")
        || lower.contains("tls handshake timeout")
        || lower.contains("network is unreachable")
        || lower.contains("no route to host")
        || lower.contains("server misbehaving")) {
      // Not a missing image: whoever knows the distro can point at a way without a registry.
      return new RegistryUnreachable(
          "Could not pull "
              + image
              + ": the registry "
              + (image.registry() == null ? "docker.io" : image.registry())
              + " cannot be reached, it does not answer: "
              + says,
          "Check the address and that the registry is up and reachable from this machine; nothing"
              + " was created.");
    }
    return new AppboxException(
        ErrorCode.IMAGE_NOT_FOUND,
        "Could not pull " + image + ": " + says,
        "Check the reference and that the registry is reachable, or build the image from the"
            + " distribution's mirror: appbox image build DISTRO");
  }
}
