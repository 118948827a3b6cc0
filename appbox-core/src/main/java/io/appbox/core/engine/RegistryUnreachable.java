package io.appbox.core.engine;

import io.appbox.core.AppboxException;
import io.appbox.core.ErrorCode;

/**
 * A pull that failed because the image's registry cannot be reached (no network, a name that does
 * not resolve, a refused connection): not a missing image. Those who know the distro give the hint.
 */
public final class RegistryUnreachable extends AppboxException {
  private static final long serialVersionUID = 1L;

  public RegistryUnreachable(String message, String hint) {
    super(ErrorCode.FAILED, message, hint);
  }
}
