package io.appbox.core.box;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ErrorCode;

/** The errors every box operation shares. */
public final class Boxes {
  private Boxes() {}

  public static AppboxException notFound(BoxName name) {
    return new AppboxException(
        ErrorCode.BOX_NOT_FOUND,
        "There is no box named " + name + ".",
        "See the boxes there are: appbox list");
  }

  public static AppboxException exists(BoxName name) {
    return new AppboxException(
        ErrorCode.BOX_EXISTS,
        "A box named " + name + " already exists.",
        "Use it (appbox enter "
            + name
            + "), choose another name, or remove it: appbox rm --force "
            + name);
  }
}
