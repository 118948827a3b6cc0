package io.appbox.cli;

import io.appbox.core.AppboxException;
import io.appbox.core.ErrorCode;
import io.appbox.core.Quote;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line picocli could not parse, said in the user's words: a mistyped command gets the
 * command meant ({@code appbox instal} → install), an unknown option the option meant, never
 * picocli's "Unmatched arguments from index 0".
 */
final class UsageErrors {
  private UsageErrors() {}

  /**
   * @param args the command line as given: a suggestion is that line with the mistyped word
   *     replaced, a command that works as printed
   */
  static AppboxException of(ParameterException e, String[] args) {
    CommandLine at = e.getCommandLine();
    String path = commandPath(at);
    String help = "See: appbox " + path + "--help";
    if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      String first = u.getUnmatched().get(0);
      List<String> suggestions = u.getSuggestions();
      String meant =
          suggestions.isEmpty()
              ? ""
              : "Did you mean: " + corrected(args, first, suggestions.get(0)) + "? ";
      if (first.startsWith("-")) {
        return new AppboxException(
            ErrorCode.INVALID_INPUT,
            "appbox " + path.strip() + " has no option " + Quote.of(first) + ".",
            meant + help);
      }
      if (at.getParent() == null) {
        return new AppboxException(
            ErrorCode.INVALID_INPUT,
            "appbox has no command " + Quote.of(first) + ".",
            meant + "See the commands: appbox --help");
      }
      return new AppboxException(
          ErrorCode.INVALID_INPUT,
          "appbox " + path.strip() + " takes no argument " + Quote.of(first) + " here.",
          help);
    }
    // picocli starts some messages (argument groups) with its own "Error: ".
    String message = e.getMessage().replaceFirst("^Error: ", "");
    return new AppboxException(ErrorCode.INVALID_INPUT, message, help);
  }

  /** The command line with the first {@code wrong} word replaced by {@code meant}. */
  private static String corrected(String[] args, String wrong, String meant) {
    StringBuilder line = new StringBuilder("appbox");
    boolean replaced = false;
    for (String a : args) {
      String word = !replaced && a.equals(wrong) ? meant : a;
      replaced |= a.equals(wrong);
      line.append(' ').append(Text.printable(word));
    }
    return line.toString();
  }

  private static String commandPath(CommandLine c) {
    StringBuilder path = new StringBuilder();
    for (CommandLine at = c; at != null && at.getParent() != null; at = at.getParent()) {
      path.insert(0, at.getCommandName() + " ");
    }
    return path.toString();
  }
}
