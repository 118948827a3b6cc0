package io.appbox.cli;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.box.Box;
import java.util.List;

/** {@code --all} or one box. */
final class AllBoxes {
  private AllBoxes() {}

  static List<BoxName> or(Session session, boolean all, BoxArgument box) {
    if (all && box.given().isPresent()) {
      throw AppboxException.invalid("Give a box or --all, not both.", "");
    }
    if (all) {
      return session.boxes().list().stream().map(Box::name).toList();
    }
    BoxName name = box.orDefault(session);
    session.boxes().require(name);
    return List.of(name);
  }
}
