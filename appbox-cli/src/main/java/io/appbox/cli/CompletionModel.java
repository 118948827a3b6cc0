package io.appbox.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * What a shell needs to complete appbox's command line, read from picocli's model: the commands,
 * their options and arguments, and what each value can be. Values are recognised by their label:
 * {@code BOX} is an existing box, {@code DISTRO} a distro profile, {@code DIR} a host directory,
 * {@code FILE...} and {@code SRC:...} a host file; an enum offers its constants.
 */
final class CompletionModel {
  /** Commands whose BOX argument is the name of a box to be made, which nothing can offer. */
  private static final Set<String> NAMES_A_NEW_BOX = Set.of("create");

  private CompletionModel() {}

  /** What a value can be. */
  enum Kind {
    /** Free text: nothing to offer. */
    TEXT,
    /** The name of an existing box, asked of appbox when completing. */
    BOXES,
    /** The id of a distro profile, asked of appbox when completing. */
    DISTROS,
    FILES,
    DIRECTORIES,
    /** One of a fixed list. */
    CHOICES
  }

  /** The values an option or argument takes. */
  record Values(Kind kind, List<String> choices) {
    Values {
      choices = List.copyOf(choices);
    }

    /** The word {@code appbox completion __candidates} takes for this kind, if it is one. */
    String candidatesKind() {
      return kind.name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * An option.
   *
   * @param names its names, short first
   * @param description one line for people
   * @param label the value's label, empty for a flag
   * @param values what its value can be, null for a flag
   * @param repeatable whether it may be given more than once
   */
  record Option(
      List<String> names, String description, String label, Values values, boolean repeatable) {
    Option {
      names = List.copyOf(names);
    }

    boolean takesValue() {
      return values != null;
    }
  }

  /**
   * A positional argument, at indexes {@code from} to {@code to} (inclusive; {@link
   * Integer#MAX_VALUE} for no end) among the command's arguments.
   */
  record Argument(int from, int to, String label, String description, Values values) {
    boolean unbounded() {
      return to == Integer.MAX_VALUE;
    }
  }

  /**
   * A command.
   *
   * @param path the words that name it under appbox, empty for appbox itself
   * @param aliases other names for it
   * @param stopsAtArgument whether everything after its first argument belongs to that argument (as
   *     {@code run BOX CMD...}), so no option of appbox follows it
   */
  record Command(
      List<String> path,
      List<String> aliases,
      String description,
      List<Option> options,
      List<Argument> arguments,
      List<Command> subcommands,
      boolean stopsAtArgument) {
    Command {
      path = List.copyOf(path);
      aliases = List.copyOf(aliases);
      options = List.copyOf(options);
      arguments = List.copyOf(arguments);
      subcommands = List.copyOf(subcommands);
    }

    /** The command's words joined with spaces; empty for appbox itself. */
    String key() {
      return String.join(" ", path);
    }

    /** Its own name, as typed after its parent. */
    String name() {
      return path.isEmpty() ? "appbox" : path.get(path.size() - 1);
    }

    /** This command and every command under it, depth first. */
    List<Command> tree() {
      List<Command> all = new ArrayList<>();
      all.add(this);
      subcommands.forEach(s -> all.addAll(s.tree()));
      return all;
    }

    /** An option by any of its names. */
    Option option(String name) {
      return options.stream().filter(o -> o.names().contains(name)).findFirst().orElse(null);
    }
  }

  /** The model of every visible command under appbox. */
  static Command of(CommandLine root) {
    return command(root, List.of());
  }

  private static Command command(CommandLine cli, List<String> path) {
    CommandSpec spec = cli.getCommandSpec();
    List<Option> options = new ArrayList<>();
    for (OptionSpec o : spec.options()) {
      if (o.hidden()) {
        continue;
      }
      boolean flag = o.arity().max() == 0;
      List<String> names = new ArrayList<>(List.of(o.names()));
      names.sort((a, b) -> Integer.compare(a.length(), b.length()));
      options.add(
          new Option(
              names,
              describe(o),
              flag ? "" : o.paramLabel(),
              flag ? null : newBoxIsText(values(o), path),
              o.isMultiValue()));
    }
    List<Argument> arguments = new ArrayList<>();
    for (PositionalParamSpec p : spec.positionalParameters()) {
      if (p.hidden()) {
        continue;
      }
      Values values = newBoxIsText(values(p), path);
      arguments.add(
          new Argument(p.index().min(), p.index().max(), p.paramLabel(), describe(p), values));
    }
    List<Command> subcommands = new ArrayList<>();
    for (CommandLine sub : AllCommands.visibleSubcommands(cli)) {
      List<String> subPath = new ArrayList<>(path);
      subPath.add(sub.getCommandName());
      subcommands.add(command(sub, subPath));
    }
    return new Command(
        path,
        List.of(spec.aliases()),
        firstLine(spec.usageMessage().description()),
        options,
        arguments,
        subcommands,
        cli.isStopAtPositional());
  }

  /** The name of a box yet to be made completes to nothing: no existing box fits. */
  private static Values newBoxIsText(Values values, List<String> path) {
    return values.kind() == Kind.BOXES && NAMES_A_NEW_BOX.contains(String.join(" ", path))
        ? new Values(Kind.TEXT, List.of())
        : values;
  }

  static Values values(ArgSpec arg) {
    if (arg.completionCandidates() != null) {
      List<String> choices = new ArrayList<>();
      arg.completionCandidates().forEach(choices::add);
      return new Values(Kind.CHOICES, choices);
    }
    String label = arg.paramLabel().replaceAll("[<>]", "").toUpperCase(Locale.ROOT);
    Kind kind;
    if (label.equals("BOX")) {
      kind = Kind.BOXES;
    } else if (label.equals("DISTRO")) {
      kind = Kind.DISTROS;
    } else if (label.equals("DIR")) {
      kind = Kind.DIRECTORIES;
    } else if (label.startsWith("FILE") || label.startsWith("SRC")) {
      kind = Kind.FILES;
    } else {
      kind = Kind.TEXT;
    }
    return new Values(kind, List.of());
  }

  /** The argument's description as one line, its variables filled in. */
  static String describe(ArgSpec arg) {
    String text = String.join(" ", arg.description()).strip();
    if (arg.completionCandidates() != null) {
      List<String> choices = new ArrayList<>();
      arg.completionCandidates().forEach(choices::add);
      text = text.replace("${COMPLETION-CANDIDATES}", String.join(", ", choices));
    }
    return text;
  }

  private static String firstLine(String[] description) {
    return description.length == 0 ? "" : description[0].strip();
  }
}
