package io.appbox.cli;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.box.Box;
import java.util.List;

/** {@code --all} or one box. */
final class AllBoxes {
  private AllBoxes() {}

  static List<BoxName> or(Session session, boolean all, BoxChoice choice) {
    if (all && choice.box != null) {
      throw AppboxException.invalid("Give --box or --all, not both.", "");
    }
    if (all) {
      return session.boxes().list().stream().map(Box::name).toList();
    }
    return List.of(choice.existing(session));
  }
}
