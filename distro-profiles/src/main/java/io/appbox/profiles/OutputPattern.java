package io.appbox.profiles;

import io.appbox.core.Quote;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The regular expressions of a profile: the {@code output} of a query and the {@code not-found}
 * message. They are compiled with {@link Pattern#MULTILINE} and searched through the whole output
 * with {@link Matcher#find()}, one record per match, so {@code ^} and {@code $} mark lines and a
 * record may span lines (as {@code pacman -Ss} prints it).
 */
final class OutputPattern {
  static final int FLAGS = Pattern.MULTILINE;

  private OutputPattern() {}

  static Pattern compile(YamlField field, Collection<String> groups) {
    String regex = field.text();
    Pattern pattern;
    try {
      pattern = Pattern.compile(regex, FLAGS);
    } catch (PatternSyntaxException e) {
      throw field.problem(
          "not a valid regular expression: " + e.getDescription() + " at index " + e.getIndex(),
          "Write a Java regular expression; in YAML, single quotes keep backslashes as they are.");
    }
    for (String group : groups) {
      if (!hasGroup(regex, group)) {
        throw field.problem(
            "the pattern "
                + Quote.of(regex)
                + " has no named group "
                + Quote.of(group)
                + "; it needs "
                + groupsInWords(groups),
            "Capture each value with a named group, for example (?<" + group + ">\\S+).");
      }
    }
    return pattern;
  }

  /** Compiles a pattern that ships with appbox, where a mistake is a bug. */
  static Pattern builtIn(String regex) {
    return Pattern.compile(regex, FLAGS);
  }

  /**
   * Whether the pattern defines a group of that name. Java 17 cannot list group names, so the
   * pattern is made to match the empty string through an added empty alternative, after which
   * asking for an unknown group fails. The newline ends a trailing {@code (?x)} comment.
   */
  static boolean hasGroup(String regex, String group) {
    Matcher matcher;
    try {
      matcher = Pattern.compile("(?:" + regex + "\n)|", FLAGS).matcher("");
    } catch (PatternSyntaxException e) {
      return false;
    }
    if (!matcher.lookingAt()) {
      return false;
    }
    try {
      matcher.group(group);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String groupsInWords(Collection<String> groups) {
    StringBuilder out = new StringBuilder();
    for (String group : groups) {
      if (out.length() > 0) {
        out.append(" and ");
      }
      out.append("(?<").append(group).append(">...)");
    }
    return out.toString();
  }
}
