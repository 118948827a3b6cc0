package io.appbox.cli;

import io.appbox.cli.CompletionModel.Argument;
import io.appbox.cli.CompletionModel.Command;
import io.appbox.cli.CompletionModel.Kind;
import io.appbox.cli.CompletionModel.Option;
import io.appbox.cli.CompletionModel.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * The fish completion script: fish's own {@code complete} rules, each guarded by a condition on the
 * command path that a small walk over the typed words finds (cached per command line). Box and
 * distro names come from {@code appbox completion __candidates}, one per line.
 */
final class FishCompletion {
  private FishCompletion() {}

  static String script(Command root, String version) {
    StringBuilder s = new StringBuilder();
    s.append(
        """
        # fish completion for appbox %s, made by `appbox completion fish`.
        # Load it:  appbox completion fish | source
        # or save it:  appbox completion fish > ~/.config/fish/completions/appbox.fish

        # Finds the command path, the number of its arguments so far and whether options may still
        # follow, from the words before the cursor; remembered for the same command line.
        function __appbox_parse
            set -l line (commandline -pc)
            if test "$line" = "$__appbox_line"
                return
            end
            set -g __appbox_line $line
            set -l words (commandline -opc)
            set -e words[1]
            set -l path ''
            set -l args 0
            set -l options 1
            set -l skip 0
            set -l next
            for word in $words
                if test $skip = 1
                    set skip 0
                    continue
                end
                if test $options = 1; and string match -q -- '-?*' $word
                    if test $word = --
                        set options 0
                    else if not string match -q -- '*=*' $word; and __appbox_takes_value $path $word
                        set skip 1
                    end
                    continue
                end
                if test $args = 0; and set next (__appbox_subcommand $path $word)
                    set path $next
                    continue
                end
                set args (math $args + 1)
                if __appbox_stops $path
                    set options 0
                end
            end
            set -g __appbox_path $path
            set -g __appbox_args $args
            set -g __appbox_options $options
        end

        # Whether the cursor is on the options of command $argv[1].
        function __appbox_options_of
            __appbox_parse
            test "$__appbox_path" = "$argv[1]"; and test $__appbox_options = 1
        end

        # Whether the cursor is where a subcommand of command $argv[1] goes.
        function __appbox_subcommand_of
            __appbox_parse
            test "$__appbox_path" = "$argv[1]"; and test $__appbox_args = 0
        end

        # Whether the cursor is on argument $argv[2] to $argv[3] (-1: no end) of command $argv[1].
        function __appbox_argument_of
            __appbox_parse
            test "$__appbox_path" = "$argv[1]"; or return 1
            test $__appbox_args -ge $argv[2]; or return 1
            test $argv[3] = -1; or test $__appbox_args -le $argv[3]
        end

        # The names of kind $argv[1] (boxes, distros), asked of appbox on the engine the command
        # line names.
        function __appbox_candidates
            set -l engine
            set -l words (commandline -opc)
            for i in (seq (count $words))
                switch $words[$i]
                    case '--engine=*'
                        set engine (string replace -- '--engine=' '' $words[$i])
                    case --engine
                        set -l next (math $i + 1)
                        test $next -le (count $words); and set engine $words[$next]
                end
            end
            if contains -- "$engine" %s
                command appbox --engine $engine completion __candidates $argv[1] 2>/dev/null
            else
                command appbox completion __candidates $argv[1] 2>/dev/null
            end
        end

        """
            .formatted(version, engineChoices(root)));
    subcommandFunction(s, root);
    takesValueFunction(s, root);
    stopsFunction(s, root);
    s.append("complete -c appbox -f\n");
    for (Command c : root.tree()) {
      rules(s, c);
    }
    return s.toString();
  }

  private static String engineChoices(Command root) {
    Option engine = root.option("--engine");
    if (engine == null || engine.values().kind() != Kind.CHOICES) {
      return "''";
    }
    return String.join(" ", engine.values().choices().stream().map(FishCompletion::quote).toList());
  }

  private static void subcommandFunction(StringBuilder s, Command root) {
    s.append("# Prints the path of the command that word $argv[2] names under command $argv[1].\n");
    s.append("function __appbox_subcommand\n    switch \"$argv[1]/$argv[2]\"\n");
    for (Command c : root.tree()) {
      for (Command sub : c.subcommands()) {
        List<String> patterns = new ArrayList<>();
        patterns.add(quote(c.key() + "/" + sub.name()));
        sub.aliases().forEach(a -> patterns.add(quote(c.key() + "/" + a)));
        s.append("        case ").append(String.join(" ", patterns)).append('\n');
        s.append("            echo ").append(quote(sub.key())).append('\n');
      }
    }
    s.append("        case '*'\n            return 1\n    end\nend\n\n");
  }

  private static void takesValueFunction(StringBuilder s, Command root) {
    List<String> patterns = new ArrayList<>();
    for (Command c : root.tree()) {
      for (Option o : c.options()) {
        if (o.takesValue()) {
          o.names().forEach(n -> patterns.add(quote(c.key() + "/" + n)));
        }
      }
    }
    s.append("# Whether option $argv[2] of command $argv[1] takes a value.\n");
    s.append("function __appbox_takes_value\n    switch \"$argv[1]/$argv[2]\"\n");
    if (!patterns.isEmpty()) {
      s.append("        case ").append(String.join(" ", patterns)).append('\n');
      s.append("            return 0\n");
    }
    s.append("    end\n    return 1\nend\n\n");
  }

  private static void stopsFunction(StringBuilder s, Command root) {
    List<String> stopping =
        root.tree().stream().filter(Command::stopsAtArgument).map(c -> quote(c.key())).toList();
    s.append("# Whether everything after the first argument of command $argv[1] belongs to it.\n");
    s.append("function __appbox_stops\n");
    if (stopping.isEmpty()) {
      s.append("    return 1\nend\n\n");
      return;
    }
    s.append("    contains -- \"$argv[1]\" ")
        .append(String.join(" ", stopping))
        .append("\nend\n\n");
  }

  private static void rules(StringBuilder s, Command c) {
    String key = quote(c.key());
    s.append("\n# appbox ").append(c.key()).append('\n');
    for (Command sub : c.subcommands()) {
      s.append("complete -c appbox -n ")
          .append(quote("__appbox_subcommand_of " + key))
          .append(" -a ")
          .append(quote(sub.name()))
          .append(" -d ")
          .append(quote(ZshCompletion.sentence(sub.description())))
          .append('\n');
    }
    for (Option o : c.options()) {
      s.append("complete -c appbox -n ").append(quote("__appbox_options_of " + key));
      for (String name : o.names()) {
        if (name.startsWith("--")) {
          s.append(" -l ").append(quote(name.substring(2)));
        } else if (name.length() == 2) {
          s.append(" -s ").append(quote(name.substring(1)));
        } else {
          s.append(" -o ").append(quote(name.substring(1)));
        }
      }
      if (o.takesValue()) {
        // -x: a value is required and is no file, unless the value is one.
        s.append(o.values().kind() == Kind.FILES ? " -r" : " -x").append(action(o.values()));
      }
      s.append(" -d ").append(quote(ZshCompletion.sentence(o.description()))).append('\n');
    }
    for (Argument a : c.arguments()) {
      if (a.values().kind() == Kind.TEXT) {
        continue;
      }
      String range = a.from() + " " + (a.unbounded() ? -1 : a.to());
      s.append("complete -c appbox -n ")
          .append(quote("__appbox_argument_of " + key + " " + range))
          .append(action(a.values()))
          .append('\n');
    }
  }

  private static String action(Values values) {
    return switch (values.kind()) {
      case BOXES, DISTROS ->
          " -a " + quote("(__appbox_candidates " + values.candidatesKind() + ")");
      case FILES -> " -F";
      case DIRECTORIES -> " -a " + quote("(__fish_complete_directories (commandline -ct))");
      case CHOICES -> " -a " + quote(String.join(" ", values.choices()));
      case TEXT -> "";
    };
  }

  /** A word in fish's single quotes. */
  static String quote(String word) {
    if (word.matches("[A-Za-z0-9_./=+-]+")) {
      return word;
    }
    return "'" + word.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
