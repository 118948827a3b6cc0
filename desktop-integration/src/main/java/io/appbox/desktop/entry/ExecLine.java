package io.appbox.desktop.entry;

import io.appbox.core.AppboxException;
import io.appbox.core.Quote;
import io.appbox.desktop.entry.ExecArgument.FieldCode;
import io.appbox.desktop.entry.ExecArgument.Segment;
import io.appbox.desktop.entry.ExecArgument.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of an {@code Exec} key, read by the rules of the Desktop Entry Specification,
 * never by a shell's: arguments separated by spaces; an argument holding a reserved character is
 * enclosed in double quotes, where only {@code "}, {@code `}, {@code $} and {@code \} are escaped
 * with a backslash; field codes stand outside quotes. The text here is the value after the general
 * string escapes ({@code \\}, {@code \s}, ...) are undone, as {@link DesktopGroup#string} returns
 * it.
 *
 * <p>Deprecated field codes ({@code %d %D %n %N %v %m}) are dropped while reading, as the
 * specification asks. Anything else that is not clearly one argument list is refused.
 *
 * @param arguments the program, then its arguments
 */
public record ExecLine(List<ExecArgument> arguments) {
  /** Characters that make an argument need quotes. */
  static final String RESERVED = " \t\n\"'\\><~|&;$*?#()`";

  private static final String ESCAPED_IN_QUOTES = "\"`$\\";
  private static final String DEPRECATED = "dDnNvm";
  private static final String HINT =
      "The desktop file does not follow the quoting rules of the Desktop Entry Specification;"
          + " appbox does not guess how a shell would read it.";

  public ExecLine {
    arguments = List.copyOf(arguments);
    String problem = problem(arguments);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  /** A command line of literal arguments. */
  public static ExecLine of(List<String> arguments) {
    return new ExecLine(arguments.stream().map(ExecArgument::literal).toList());
  }

  /** Reads an unescaped {@code Exec} value, refusing it with {@code INVALID_INPUT} if invalid. */
  public static ExecLine parse(String exec) {
    List<ExecArgument> args = new ArrayList<>();
    int i = 0;
    int n = exec.length();
    while (true) {
      while (i < n && exec.charAt(i) == ' ') {
        i++;
      }
      if (i >= n) {
        break;
      }
      List<Segment> segments = new ArrayList<>();
      if (exec.charAt(i) == '"') {
        StringBuilder text = new StringBuilder();
        int open = i++;
        while (true) {
          if (i >= n) {
            throw invalid(exec, "the quote at position " + (open + 1) + " is not closed");
          }
          char c = exec.charAt(i);
          if (c == '"') {
            i++;
            break;
          } else if (c == '\\') {
            if (i + 1 >= n || ESCAPED_IN_QUOTES.indexOf(exec.charAt(i + 1)) < 0) {
              throw invalid(
                  exec,
                  "a backslash inside quotes (position "
                      + (i + 1)
                      + ") must escape '\"', '`', '$' or '\\'");
            }
            text.append(exec.charAt(i + 1));
            i += 2;
          } else if (c == '`' || c == '$') {
            throw invalid(
                exec, "'" + c + "' inside quotes (position " + (i + 1) + ") must be escaped");
          } else if (c == '%') {
            if (i + 1 < n && exec.charAt(i + 1) == '%') {
              text.append('%');
              i += 2;
            } else {
              throw invalid(
                  exec,
                  "a field code cannot stand inside a quoted argument (position " + (i + 1) + ")");
            }
          } else {
            text.append(c);
            i++;
          }
        }
        if (i < n && exec.charAt(i) != ' ') {
          throw invalid(exec, "a quoted argument must end at a space (position " + (i + 1) + ")");
        }
        segments.add(new Text(text.toString()));
      } else {
        boolean droppedOnly = true;
        StringBuilder text = new StringBuilder();
        while (i < n && exec.charAt(i) != ' ') {
          char c = exec.charAt(i);
          if (RESERVED.indexOf(c) >= 0) {
            throw invalid(
                exec,
                "reserved character "
                    + Quote.of(String.valueOf(c))
                    + " at position "
                    + (i + 1)
                    + " is outside quotes");
          }
          if (c != '%') {
            text.append(c);
            droppedOnly = false;
            i++;
            continue;
          }
          char code = i + 1 < n ? exec.charAt(i + 1) : ' ';
          if (code == '%') {
            text.append('%');
            droppedOnly = false;
          } else if (FieldCode.LETTERS.indexOf(code) >= 0) {
            segments.add(new Text(text.toString()));
            text.setLength(0);
            segments.add(new FieldCode(code));
            droppedOnly = false;
          } else if (DEPRECATED.indexOf(code) < 0) {
            throw invalid(
                exec,
                (code == ' ' ? "a lone '%'" : "unknown field code " + Quote.of("%" + code))
                    + " at position "
                    + (i + 1)
                    + "; a literal '%' is written '%%'");
          }
          i += 2;
        }
        if (droppedOnly) {
          continue;
        }
        segments.add(new Text(text.toString()));
      }
      args.add(new ExecArgument(segments));
    }
    String problem = problem(args);
    if (problem != null) {
      throw invalid(exec, problem);
    }
    return new ExecLine(args);
  }

  /** The {@code Exec} value, before string escaping, that {@link #parse} reads back as this. */
  public String format() {
    StringBuilder out = new StringBuilder();
    for (ExecArgument arg : arguments) {
      if (out.length() > 0) {
        out.append(' ');
      }
      if (arg.isLiteral() && needsQuotes(arg.literal())) {
        out.append('"');
        for (char c : arg.literal().toCharArray()) {
          if (ESCAPED_IN_QUOTES.indexOf(c) >= 0) {
            out.append('\\');
          } else if (c == '%') {
            out.append('%');
          }
          out.append(c);
        }
        out.append('"');
      } else {
        for (Segment s : arg.segments()) {
          out.append(s instanceof Text t ? t.value().replace("%", "%%") : s.toString());
        }
      }
    }
    return out.toString();
  }

  /** This command line with {@code prefix} put before it, such as a launcher and its options. */
  public ExecLine prepend(List<String> prefix) {
    List<ExecArgument> out = new ArrayList<>();
    prefix.forEach(p -> out.add(ExecArgument.literal(p)));
    out.addAll(arguments);
    return new ExecLine(out);
  }

  static boolean needsQuotes(String text) {
    if (text.isEmpty()) {
      return true;
    }
    for (int i = 0; i < text.length(); i++) {
      if (RESERVED.indexOf(text.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static String problem(List<ExecArgument> args) {
    if (args.isEmpty()) {
      return "it names no program";
    }
    ExecArgument program = args.get(0);
    if (!program.isLiteral() || program.literal().isEmpty()) {
      return "the program must be named first, not a field code or an empty string";
    }
    int fileCodes = 0;
    for (ExecArgument arg : args) {
      for (Segment s : arg.segments()) {
        if (s instanceof Text t) {
          if (!arg.isLiteral() && needsQuotes(t.value())) {
            return "text beside a field code cannot hold a reserved character: "
                + Quote.of(t.value());
          }
        } else if (s instanceof FieldCode code) {
          char c = code.letter();
          if ("fFuU".indexOf(c) >= 0) {
            fileCodes++;
          }
          if ("FUi".indexOf(c) >= 0 && !arg.isFieldCode()) {
            return "field code " + code + " must be an argument on its own";
          }
        }
      }
    }
    if (fileCodes > 1) {
      return "it holds more than one of the field codes %f, %F, %u and %U";
    }
    return null;
  }

  private static AppboxException invalid(String exec, String why) {
    return AppboxException.invalid(
        "Exec value " + Quote.of(exec) + " is not valid: " + why + ".", HINT);
  }
}
