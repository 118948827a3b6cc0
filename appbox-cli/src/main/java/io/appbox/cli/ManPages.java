package io.appbox.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * appbox's man pages, {@code appbox.1} and {@code appbox-COMMAND.1} for every command, written in
 * roff from picocli's model: the build runs {@link #main} into {@code target/man/man1}, and the
 * distribution carries them in {@code share/man/man1}. The examples are the ones {@code --help}
 * shows, taken from each command's footer. Public only for the build's exec plugin, which runs it.
 */
public final class ManPages {
  /** Commands whose exit status is the one of the command they run in the box. */
  private static final Set<String> COMMAND_EXIT_STATUS = Set.of("appbox run", "appbox enter");

  private static final Map<Integer, String> EXIT_STATUS = new LinkedHashMap<>();

  static {
    EXIT_STATUS.put(ExitCodes.OK, "Success.");
    EXIT_STATUS.put(ExitCodes.FAILURE, "Failure.");
    EXIT_STATUS.put(ExitCodes.USAGE, "Bad usage or invalid input.");
    EXIT_STATUS.put(ExitCodes.NOT_FOUND, "Not found: a box, package, profile or export.");
    EXIT_STATUS.put(ExitCodes.NO_ENGINE, "No container engine is reachable.");
    EXIT_STATUS.put(
        ExitCodes.CONFLICT, "Conflict: it exists already, or another appbox holds the lock.");
    EXIT_STATUS.put(ExitCodes.PACKAGE_MANAGER, "The package manager failed inside the box.");
  }

  private ManPages() {}

  /** Writes every page into the directory named by the first argument. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: ManPages OUTPUT-DIRECTORY");
    }
    write(Path.of(args[0]), Session.VERSION);
  }

  /** Writes every page into {@code dir}, each to a temporary name renamed into place. */
  static List<Path> write(Path dir, String version) throws IOException {
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    for (Map.Entry<String, String> page : pages(version).entrySet()) {
      Path file = dir.resolve(page.getKey());
      Path tmp = dir.resolve("." + page.getKey() + ".tmp");
      Files.writeString(tmp, page.getValue(), StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      written.add(file);
    }
    return written;
  }

  /** Every page, by file name. */
  static Map<String, String> pages(String version) {
    Map<String, String> pages = new LinkedHashMap<>();
    for (CommandLine cli : AllCommands.tree(AllCommands.commandLine())) {
      pages.put(pageName(cli) + ".1", page(cli, version));
    }
    return pages;
  }

  /** {@code appbox-image-build} for {@code appbox image build}. */
  static String pageName(CommandLine cli) {
    return AllCommands.qualifiedName(cli).replace(' ', '-');
  }

  static String page(CommandLine cli, String version) {
    CommandSpec spec = cli.getCommandSpec();
    String name = AllCommands.qualifiedName(cli);
    Footer footer = Footer.of(spec.usageMessage().footer());
    List<String> description = paragraphs(spec.usageMessage().description());
    Roff r = new Roff();
    r.macro(
        "TH",
        pageName(cli).toUpperCase(java.util.Locale.ROOT),
        "1",
        "",
        "appbox " + version,
        "appbox manual");
    // Options and box names read better unhyphenated and ragged right.
    r.macro("nh");
    r.macro("ad", "l");
    r.macro("SH", "NAME");
    r.text(pageName(cli) + " - " + ZshCompletion.sentence(String.join(" ", description)));

    r.macro("SH", "SYNOPSIS");
    r.line("\\fB" + Roff.escape(name).replace(" ", "\\ ") + "\\fR " + Roff.escape(synopsis(cli)));

    r.macro("SH", "DESCRIPTION");
    boolean first = true;
    for (String paragraph : description) {
      if (!first) {
        r.macro("PP");
      }
      r.text(paragraph);
      first = false;
    }
    for (List<String> paragraph : footer.notes()) {
      r.block(paragraph);
    }

    List<CommandLine> subcommands = AllCommands.visibleSubcommands(cli);
    if (!subcommands.isEmpty()) {
      r.macro("SH", "COMMANDS");
      for (CommandLine sub : subcommands) {
        r.macro("TP");
        List<String> names = new ArrayList<>();
        names.add(sub.getCommandName());
        names.addAll(List.of(sub.getCommandSpec().aliases()));
        r.line(
            String.join(", ", names.stream().map(n -> "\\fB" + Roff.escape(n) + "\\fR").toList()));
        r.text(String.join(" ", paragraphs(sub.getCommandSpec().usageMessage().description())));
      }
    }

    List<PositionalParamSpec> arguments =
        spec.positionalParameters().stream().filter(p -> !p.hidden()).toList();
    if (!arguments.isEmpty()) {
      r.macro("SH", "ARGUMENTS");
      for (PositionalParamSpec p : arguments) {
        r.macro("TP");
        r.line("\\fI" + Roff.escape(p.paramLabel()) + "\\fR");
        r.text(CompletionModel.describe(p));
      }
    }
    boolean root = cli.getParent() == null;
    List<OptionSpec> own =
        spec.options().stream().filter(o -> !o.hidden() && (root || !global(o))).toList();
    List<OptionSpec> global =
        spec.options().stream().filter(o -> !o.hidden() && !root && global(o)).toList();
    if (!own.isEmpty()) {
      r.macro("SH", "OPTIONS");
      if (root) {
        r.text("These work with every command, before or after its name.");
      }
      own.forEach(o -> option(r, o));
    }
    if (!global.isEmpty()) {
      r.macro("SH", "GLOBAL OPTIONS");
      r.text("These work with every command, before or after its name.");
      global.forEach(o -> option(r, o));
    }

    if (!footer.examples().isEmpty()) {
      r.macro("SH", "EXAMPLES");
      r.macro("RS", "4");
      r.macro("nf");
      footer.examples().forEach(r::text);
      r.macro("fi");
      r.macro("RE");
    }

    r.macro("SH", "EXIT STATUS");
    if (COMMAND_EXIT_STATUS.contains(name)) {
      r.text(
          name
              + " exits with the status of the command it ran in the box. Before that command"
              + " starts, appbox's own apply:");
    }
    r.macro("PD", "0");
    EXIT_STATUS.forEach(
        (code, meaning) -> {
          r.macro("TP", "4");
          r.line("\\fB" + code + "\\fR");
          r.text(meaning);
        });
    r.macro("PD");

    r.macro("SH", "ENVIRONMENT");
    r.macro("TP");
    r.line("\\fB" + LogSetup.VARIABLE + "\\fR");
    r.text(
        "off, error, warn, info or debug: what appbox logs on standard error, one line per event"
            + " (appbox: LEVEL TOPIC: MESSAGE); debug is what -v gives. Standard output stays"
            + " the command's own, and with --json one JSON document.");

    r.macro("SH", "SEE ALSO");
    List<String> related = new ArrayList<>();
    for (CommandLine at = cli.getParent(); at != null; at = at.getParent()) {
      related.add(0, pageName(at));
    }
    subcommands.forEach(s -> related.add(pageName(s)));
    r.line(
        String.join(
            ",\n", related.stream().map(p -> "\\fB" + Roff.escape(p) + "\\fR(1)").toList()));
    return r.toString();
  }

  /** An option of appbox's that a command inherits, and --help and --version. */
  private static boolean global(OptionSpec o) {
    return o.inherited() || o.usageHelp() || o.versionHelp();
  }

  private static void option(Roff r, OptionSpec o) {
    r.macro("TP");
    List<String> names = new ArrayList<>();
    for (String n : o.names()) {
      names.add("\\fB" + Roff.escape(n) + "\\fR");
    }
    String label = o.arity().max() == 0 ? "" : "=\\fI" + Roff.escape(o.paramLabel()) + "\\fR";
    r.line(String.join(", ", names) + label);
    String description = CompletionModel.describe(o);
    if (o.isMultiValue() && !description.contains("repeatable")) {
      description += " May be given more than once.";
    }
    r.text(description);
  }

  /** The synopsis picocli shows in --help, without the command's name, on one line. */
  private static String synopsis(CommandLine cli) {
    CommandSpec spec = cli.getCommandSpec();
    int width = spec.usageMessage().width();
    boolean autoWidth = spec.usageMessage().autoWidth();
    try {
      spec.usageMessage().autoWidth(false).width(10_000);
      String text = cli.getHelp().synopsis(0).strip();
      String name = AllCommands.qualifiedName(cli);
      return text.startsWith(name) ? text.substring(name.length()).strip() : text;
    } finally {
      spec.usageMessage().width(width).autoWidth(autoWidth);
    }
  }

  /** A description's paragraphs: picocli's lines, an empty one between paragraphs. */
  private static List<String> paragraphs(String[] lines) {
    List<String> paragraphs = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : lines) {
      String text = line.replace("%n", " ").replace("%%", "%").strip();
      if (text.isEmpty()) {
        if (current.length() > 0) {
          paragraphs.add(current.toString());
          current.setLength(0);
        }
      } else {
        current.append(current.length() > 0 ? " " : "").append(text);
      }
    }
    if (current.length() > 0) {
      paragraphs.add(current.toString());
    }
    return paragraphs;
  }

  /**
   * A command's footer, as its --help shows it: the "Examples:" paragraph, and notes. The root's
   * exit-code paragraph is left out: EXIT STATUS says it in full.
   */
  record Footer(List<String> examples, List<List<String>> notes) {
    static Footer of(String[] footer) {
      List<String> examples = new ArrayList<>();
      List<List<String>> notes = new ArrayList<>();
      List<String> paragraph = new ArrayList<>();
      List<String> lines = new ArrayList<>(List.of(footer));
      lines.add("");
      for (String line : lines) {
        if (!line.isBlank()) {
          paragraph.add(line.replace("%n", " ").replace("%%", "%").stripTrailing());
          continue;
        }
        if (paragraph.isEmpty()) {
          continue;
        }
        String head = paragraph.get(0).strip();
        if (head.equals("Examples:") || head.equals("Example:")) {
          paragraph.subList(1, paragraph.size()).forEach(l -> examples.add(l.strip()));
        } else if (!head.startsWith("Exit codes:")) {
          notes.add(List.copyOf(paragraph));
        }
        paragraph.clear();
      }
      return new Footer(examples, notes);
    }
  }

  /** roff source, with text escaped so that nothing in it reads as a request or an escape. */
  static final class Roff {
    private final StringBuilder out = new StringBuilder();

    /** A request or macro; arguments that are not one plain word are quoted. */
    void macro(String name, String... args) {
      out.append('.').append(name);
      for (String a : args) {
        String arg = escape(a).replace("\"", "\\(dq");
        out.append(' ').append(arg.matches("[A-Za-z0-9]+") ? arg : '"' + arg + '"');
      }
      out.append('\n');
    }

    /** A line of roff that the caller made, its text already escaped. */
    void line(String roff) {
      for (String l : roff.split("\n")) {
        out.append(l.startsWith(".") || l.startsWith("'") ? "\\&" : "").append(l).append('\n');
      }
    }

    /** Text to be filled. */
    void text(String text) {
      line(escape(text));
    }

    /** A note from a footer: filled text, with its indented lines kept as they are. */
    void block(List<String> lines) {
      macro("PP");
      boolean literal = false;
      for (String l : lines) {
        boolean indented = l.startsWith(" ");
        if (indented && !literal) {
          macro("RS", "4");
          macro("nf");
        } else if (!indented && literal) {
          macro("fi");
          macro("RE");
        }
        literal = indented;
        text(l.strip());
      }
      if (literal) {
        macro("fi");
        macro("RE");
      }
    }

    /** Text in roff: backslashes and hyphen-minus escaped, other than ASCII as named glyphs. */
    static String escape(String text) {
      StringBuilder s = new StringBuilder();
      text.codePoints()
          .forEach(
              c -> {
                if (c == '\\') {
                  s.append("\\e");
                } else if (c == '-') {
                  s.append("\\-");
                } else if (c < 0x20 || c > 0x7e) {
                  s.append(String.format("\\[u%04X]", c));
                } else {
                  s.appendCodePoint(c);
                }
              });
      return s.toString();
    }

    @Override
    public String toString() {
      return out.toString();
    }
  }
}
