package io.appbox.cli;

import io.appbox.cli.CompletionModel.Argument;
import io.appbox.cli.CompletionModel.Command;
import io.appbox.cli.CompletionModel.Option;
import io.appbox.cli.CompletionModel.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The bash completion script: a walk over the words typed so far that finds the command and the
 * argument being completed, and tables made from the model that say what each one takes. Names of
 * boxes and distros come from {@code appbox completion __candidates}, read line by line and matched
 * by prefix: nothing appbox prints is expanded or evaluated (as {@code compgen -W} would).
 */
final class BashCompletion {
  private BashCompletion() {}

  static String script(Command root, String version) {
    StringBuilder s = new StringBuilder();
    s.append(
        """
        # bash completion for appbox %s, made by `appbox completion bash`.
        # Load it from ~/.bashrc:  source <(appbox completion bash)
        # or save it where bash-completion finds it:
        #   appbox completion bash > ~/.local/share/bash-completion/completions/appbox

        # Adds the words of $2... that start with $1 to the completions.
        _appbox_add() {
          local cur=$1 word
          shift
          for word in "$@"; do
            [[ $word == "$cur"* ]] && COMPREPLY+=("$word")
          done
          return 0
        }

        # Adds the names of kind $1 (boxes, distros) that start with $2, asking appbox for them on
        # the engine the command line names.
        _appbox_candidates() {
          local kind=$1 cur=$2 i word name
          local -a engine=()
          for ((i = 1; i < ${#COMP_WORDS[@]}; i++)); do
            word=${COMP_WORDS[i]}
            case $word in
              --engine=*) word=${word#--engine=} ;;
              --engine)
                word=${COMP_WORDS[i + 1]-}
                [[ $word == = ]] && word=${COMP_WORDS[i + 2]-}
                ;;
              *) continue ;;
            esac
            case $word in
              %s) engine=(--engine "$word") ;;
            esac
          done
          while IFS= read -r name; do
            [[ -n $name && $name == "$cur"* ]] && COMPREPLY+=("$name")
          done < <(command appbox "${engine[@]}" completion __candidates "$kind" 2>/dev/null)
          return 0
        }

        # Adds the files (-f) or directories (-d) that start with $2.
        _appbox_files() {
          local file
          compopt -o filenames 2>/dev/null
          while IFS= read -r file; do
            COMPREPLY+=("$file")
          done < <(compgen "$1" -- "$2")
          return 0
        }

        """
            .formatted(version, enginePattern(root)));
    subcommandFunction(s, root);
    takesValueFunction(s, root);
    valueFunction(s, root);
    stopsFunction(s, root);
    subcommandsFunction(s, root);
    optionsFunction(s, root);
    argumentFunction(s, root);
    s.append(
        """
        _appbox() {
          local cur=${COMP_WORDS[COMP_CWORD]} path= word REPLY i args=0 options=1
          COMPREPLY=()
          [[ $cur == = ]] && cur=
          for ((i = 1; i < COMP_CWORD; i++)); do
            word=${COMP_WORDS[i]}
            if ((options)) && [[ $word == -?* ]]; then
              if [[ $word == -- ]]; then
                options=0
              elif [[ $word != *=* ]] && _appbox_takes_value "$path" "$word"; then
                ((i++))
                [[ ${COMP_WORDS[i]-} == = ]] && ((i < COMP_CWORD)) && ((i++))
                if ((i == COMP_CWORD)); then
                  _appbox_value "$path" "$word" "$cur"
                  return 0
                fi
              fi
              continue
            fi
            if ((args == 0)) && _appbox_subcommand "$path" "$word"; then
              path=$REPLY
              continue
            fi
            ((args++))
            _appbox_stops "$path" && options=0
          done
          if ((options)) && [[ $cur == -* ]]; then
            if [[ $cur == -*=* ]] && _appbox_takes_value "$path" "${cur%%=*}"; then
              local option=${cur%%=*}
              _appbox_value "$path" "$option" "${cur#*=}"
              for i in "${!COMPREPLY[@]}"; do
                COMPREPLY[i]=$option=${COMPREPLY[i]}
              done
            else
              _appbox_options "$path" "$cur"
            fi
            return 0
          fi
          if ((args == 0)) && _appbox_subcommands "$path" "$cur"; then
            return 0
          fi
          _appbox_argument "$path" "$args" "$cur"
          return 0
        }

        complete -F _appbox appbox
        """);
    return s.toString();
  }

  private static String enginePattern(Command root) {
    Option engine = root.option("--engine");
    if (engine == null || engine.values().kind() != CompletionModel.Kind.CHOICES) {
      return "''";
    }
    return engine.values().choices().stream()
        .map(BashCompletion::quote)
        .collect(Collectors.joining(" | "));
  }

  private static void subcommandFunction(StringBuilder s, Command root) {
    s.append("# The command that word $2 names under command $1: REPLY is its path.\n");
    s.append("_appbox_subcommand() {\n  case $1/$2 in\n");
    for (Command c : root.tree()) {
      for (Command sub : c.subcommands()) {
        List<String> patterns = new ArrayList<>();
        patterns.add(quote(c.key() + "/" + sub.name()));
        sub.aliases().forEach(a -> patterns.add(quote(c.key() + "/" + a)));
        s.append("    ")
            .append(String.join(" | ", patterns))
            .append(") REPLY=")
            .append(quote(sub.key()))
            .append(" ;;\n");
      }
    }
    s.append("    *) return 1 ;;\n  esac\n}\n\n");
  }

  private static void takesValueFunction(StringBuilder s, Command root) {
    s.append("# Whether option $2 of command $1 takes a value.\n");
    s.append("_appbox_takes_value() {\n  case $1/$2 in\n");
    for (Command c : root.tree()) {
      List<String> patterns = new ArrayList<>();
      for (Option o : c.options()) {
        if (o.takesValue()) {
          o.names().forEach(n -> patterns.add(quote(c.key() + "/" + n)));
        }
      }
      if (!patterns.isEmpty()) {
        s.append("    ").append(String.join(" | ", patterns)).append(") return 0 ;;\n");
      }
    }
    s.append("  esac\n  return 1\n}\n\n");
  }

  private static void valueFunction(StringBuilder s, Command root) {
    s.append("# Completes the value of option $2 of command $1 from $3.\n");
    s.append("_appbox_value() {\n  case $1/$2 in\n");
    for (Command c : root.tree()) {
      for (Option o : c.options()) {
        if (o.takesValue() && o.values().kind() != CompletionModel.Kind.TEXT) {
          s.append("    ")
              .append(
                  o.names().stream()
                      .map(n -> quote(c.key() + "/" + n))
                      .collect(Collectors.joining(" | ")))
              .append(") ")
              .append(action(o.values(), "$3"))
              .append(" ;;\n");
        }
      }
    }
    s.append("  esac\n  return 0\n}\n\n");
  }

  private static void stopsFunction(StringBuilder s, Command root) {
    List<String> stopping =
        root.tree().stream().filter(Command::stopsAtArgument).map(c -> quote(c.key())).toList();
    s.append("# Whether everything after the first argument of command $1 belongs to it.\n");
    s.append("_appbox_stops() {\n  case $1 in\n");
    if (!stopping.isEmpty()) {
      s.append("    ").append(String.join(" | ", stopping)).append(") return 0 ;;\n");
    }
    s.append("  esac\n  return 1\n}\n\n");
  }

  private static void subcommandsFunction(StringBuilder s, Command root) {
    s.append("# Completes the subcommands of command $1 from $2; fails if it has none.\n");
    s.append("_appbox_subcommands() {\n  case $1 in\n");
    for (Command c : root.tree()) {
      if (!c.subcommands().isEmpty()) {
        s.append("    ")
            .append(quote(c.key()))
            .append(") _appbox_add \"$2\" ")
            .append(c.subcommands().stream().map(x -> quote(x.name())).collect(joining()))
            .append(" ;;\n");
      }
    }
    s.append("    *) return 1 ;;\n  esac\n}\n\n");
  }

  private static void optionsFunction(StringBuilder s, Command root) {
    s.append("# Completes the options of command $1 from $2.\n");
    s.append("_appbox_options() {\n  case $1 in\n");
    for (Command c : root.tree()) {
      List<String> names = new ArrayList<>();
      c.options().forEach(o -> o.names().forEach(n -> names.add(quote(n))));
      s.append("    ")
          .append(quote(c.key()))
          .append(") _appbox_add \"$2\" ")
          .append(String.join(" ", names))
          .append(" ;;\n");
    }
    s.append("  esac\n}\n\n");
  }

  private static void argumentFunction(StringBuilder s, Command root) {
    s.append("# Completes argument $2 (from 0) of command $1 from $3.\n");
    s.append("_appbox_argument() {\n  case $1 in\n");
    for (Command c : root.tree()) {
      List<String> tests = new ArrayList<>();
      for (Argument a : c.arguments()) {
        if (a.values().kind() == CompletionModel.Kind.TEXT) {
          continue;
        }
        String range =
            a.unbounded()
                ? "$2 >= " + a.from()
                : a.from() == a.to()
                    ? "$2 == " + a.from()
                    : "$2 >= " + a.from() + " && $2 <= " + a.to();
        tests.add("((" + range + ")) && " + action(a.values(), "$3"));
      }
      if (!tests.isEmpty()) {
        s.append("    ").append(quote(c.key())).append(")\n");
        tests.forEach(t -> s.append("      ").append(t).append('\n'));
        s.append("      ;;\n");
      }
    }
    s.append("  esac\n  return 0\n}\n\n");
  }

  private static String action(Values values, String prefix) {
    String cur = "\"" + prefix + "\"";
    return switch (values.kind()) {
      case BOXES, DISTROS -> "_appbox_candidates " + values.candidatesKind() + " " + cur;
      case FILES -> "_appbox_files -f " + cur;
      case DIRECTORIES -> "_appbox_files -d " + cur;
      case CHOICES ->
          "_appbox_add "
              + cur
              + " "
              + values.choices().stream().map(BashCompletion::quote).collect(joining());
      case TEXT -> ":";
    };
  }

  private static java.util.stream.Collector<CharSequence, ?, String> joining() {
    return Collectors.joining(" ");
  }

  /** A word in single quotes, for bash and zsh. */
  static String quote(String word) {
    if (word.matches("[A-Za-z0-9_./=+-]+")) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
