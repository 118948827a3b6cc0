package io.appbox.cli;

import io.appbox.core.AppboxException;
import io.appbox.core.ErrorCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Before appbox removes packages the user did not name, it says which and asks, as apt does: on a
 * terminal a question, elsewhere (scripts, {@code --json}) only {@code --yes} agrees.
 */
final class RemovalConsent {
  private RemovalConsent() {}

  /**
   * @param doing what is asked, "Removing e2e-lib from dev"
   * @param notNamed the packages that would go although the user did not name them
   */
  static void ask(Session session, boolean yes, String doing, Set<String> notNamed) {
    if (notNamed.isEmpty() || yes) {
      return;
    }
    confirm(
        session,
        yes,
        doing
            + " also removes "
            + Plural.of(notNamed.size(), "package")
            + " you did not name: "
            + String.join(", ", notNamed),
        "Remove them too?");
  }

  /**
   * Says {@code what} will go and asks {@code question} on a terminal; without one (or with --json)
   * only {@code --yes} agrees. A no, or no agreement, changes nothing.
   */
  static void confirm(Session session, boolean yes, String what, String question) {
    if (yes) {
      return;
    }
    Output out = session.output();
    boolean terminal = !out.json() && Terminal.isTerminal(0) && Terminal.isTerminal(2);
    if (!terminal) {
      throw AppboxException.invalid(
          what + ". Nothing was removed.",
          "Agree to it with --yes: appbox " + session.commandLineWith("--yes"));
    }
    String answer = out.ask(what + ".\n" + question + " [y/N] ", RemovalConsent::readLine);
    String a = answer == null ? "" : answer.strip().toLowerCase(Locale.ROOT);
    if (!a.equals("y") && !a.equals("yes")) {
      throw new AppboxException(ErrorCode.FAILED, "Cancelled: nothing was removed.", "");
    }
  }

  private static String readLine() {
    try {
      return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
          .readLine();
    } catch (IOException e) {
      return null;
    }
  }
}
