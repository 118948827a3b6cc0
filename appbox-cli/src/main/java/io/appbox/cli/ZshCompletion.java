package io.appbox.cli;

import io.appbox.cli.CompletionModel.Argument;
import io.appbox.cli.CompletionModel.Command;
import io.appbox.cli.CompletionModel.Kind;
import io.appbox.cli.CompletionModel.Option;
import io.appbox.cli.CompletionModel.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The zsh completion script: one function per command built on zsh's own {@code _arguments} and
 * {@code _describe}, so options and commands show their descriptions. Box and distro names come
 * from {@code appbox completion __candidates}, split into lines and added as plain words.
 */
final class ZshCompletion {
  private ZshCompletion() {}

  static String script(Command root, String version) {
    StringBuilder s = new StringBuilder();
    s.append(
        """
        #compdef appbox
        # zsh completion for appbox %s, made by `appbox completion zsh`.
        # Load it from ~/.zshrc, after compinit:  source <(appbox completion zsh)
        # or save it as _appbox in a directory of your $fpath.

        # Offers the names of kind $1 (boxes, distros), asking appbox for them on the engine the
        # command line names.
        _appbox_candidates() {
          local -a engine names
          local i expl
          for ((i = 2; i <= ${#_appbox_words}; i++)); do
            case ${_appbox_words[i]} in
              --engine=(%s)) engine=(--engine "${_appbox_words[i]#--engine=}") ;;
              --engine) [[ ${_appbox_words[i+1]} == (%2$s) ]] && engine=(--engine "${_appbox_words[i+1]}") ;;
            esac
          done
          names=(${(f)"$(command appbox $engine completion __candidates $1 2>/dev/null)"})
          _wanted $1 expl $2 compadd -a names
        }

        _appbox_boxes() { _appbox_candidates boxes box; }
        _appbox_distros() { _appbox_candidates distros distro; }

        """
            .formatted(version, engineChoices(root)));
    for (Command c : root.tree()) {
      function(s, c);
    }
    s.append(
        """
        _appbox() {
          local -a _appbox_words
          _appbox_words=("${words[@]}")
          _appbox_command_
        }

        if [[ $funcstack[1] == _appbox ]]; then
          _appbox "$@"
        else
          compdef _appbox appbox
        fi
        """);
    return s.toString();
  }

  private static String engineChoices(Command root) {
    Option engine = root.option("--engine");
    if (engine == null || engine.values().kind() != Kind.CHOICES) {
      return "-";
    }
    return String.join("|", engine.values().choices());
  }

  private static String functionName(Command c) {
    return "_appbox_command_" + String.join("_", c.path()).replaceAll("[^A-Za-z0-9_]", "_");
  }

  private static void function(StringBuilder s, Command c) {
    List<String> specs = new ArrayList<>();
    c.options().forEach(o -> specs.addAll(optionSpecs(o)));
    boolean hasSubcommands = !c.subcommands().isEmpty();
    if (hasSubcommands) {
      specs.add("'1: :->command'");
      specs.add("'*:: :->argument'");
    } else {
      for (Argument a : c.arguments()) {
        specs.addAll(argumentSpecs(a));
      }
    }
    s.append(functionName(c)).append("() {\n");
    if (hasSubcommands) {
      s.append("  local curcontext=$curcontext state state_descr line ret=1\n");
      s.append("  typeset -A opt_args\n");
    }
    s.append("  _arguments").append(hasSubcommands ? " -C" : "").append(" -s -S");
    if (c.stopsAtArgument()) {
      s.append(" -A '-*'");
    }
    for (String spec : specs) {
      s.append(" \\\n    ").append(spec);
    }
    if (!hasSubcommands) {
      s.append("\n}\n\n");
      return;
    }
    s.append(" && ret=0\n");
    s.append("  case $state in\n");
    s.append("    command)\n");
    s.append("      local -a commands=(\n");
    for (Command sub : c.subcommands()) {
      s.append("        ")
          .append(BashCompletion.quote(sub.name() + ":" + sentence(sub.description())))
          .append('\n');
    }
    s.append("      )\n");
    s.append("      _describe -t commands ")
        .append(BashCompletion.quote(String.join(" ", "appbox", c.key()).strip() + " command"))
        .append(" commands && ret=0\n      ;;\n");
    s.append("    argument)\n");
    s.append("      curcontext=${curcontext%:*:*}:appbox-$words[1]:\n");
    s.append("      case $words[1] in\n");
    for (Command sub : c.subcommands()) {
      List<String> names = new ArrayList<>();
      names.add(BashCompletion.quote(sub.name()));
      sub.aliases().forEach(a -> names.add(BashCompletion.quote(a)));
      s.append("        ")
          .append(String.join("|", names))
          .append(") ")
          .append(functionName(sub))
          .append(" && ret=0 ;;\n");
    }
    s.append("      esac\n      ;;\n  esac\n  return ret\n}\n\n");
  }

  private static List<String> optionSpecs(Option o) {
    String description = "[" + escape(sentence(o.description())) + "]";
    String value = "";
    if (o.takesValue()) {
      value = ":" + escape(o.label()) + ":" + action(o.values());
    }
    List<String> specs = new ArrayList<>();
    String exclusion =
        o.repeatable() || o.names().size() < 2 ? "" : "(" + String.join(" ", o.names()) + ")";
    for (String name : o.names()) {
      String form = name;
      if (o.takesValue()) {
        form = name.startsWith("--") ? name + "=" : name + "+";
      }
      specs.add(
          BashCompletion.quote(
              exclusion + (o.repeatable() ? "*" : "") + form + description + value));
    }
    return specs;
  }

  private static List<String> argumentSpecs(Argument a) {
    String rest = ":" + escape(a.label()) + ":" + action(a.values());
    List<String> specs = new ArrayList<>();
    if (a.unbounded()) {
      specs.add(BashCompletion.quote("*" + rest));
    } else {
      for (int i = a.from(); i <= a.to(); i++) {
        specs.add(BashCompletion.quote((i + 1) + rest));
      }
    }
    return specs;
  }

  private static String action(Values values) {
    return switch (values.kind()) {
      case BOXES -> "_appbox_boxes";
      case DISTROS -> "_appbox_distros";
      case FILES -> "_files";
      case DIRECTORIES -> "_files -/";
      case CHOICES ->
          "("
              + values.choices().stream()
                  .map(ZshCompletion::escapeChoice)
                  .collect(Collectors.joining(" "))
              + ")";
      case TEXT -> " ";
    };
  }

  /** The first clause of a description, for the short lists shells show beside the words. */
  static String sentence(String description) {
    int depth = 0;
    int end = description.length();
    for (int i = 0; i < description.length() - 1; i++) {
      char c = description.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (depth == 0 && ".:;".indexOf(c) >= 0 && description.charAt(i + 1) == ' ') {
        end = i;
        break;
      }
    }
    String clause = description.substring(0, end);
    return clause.endsWith(".") ? clause.substring(0, clause.length() - 1) : clause;
  }

  /** Text inside an {@code _arguments} spec: its brackets and colons are syntax. */
  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]").replace(":", "\\:");
  }

  private static String escapeChoice(String choice) {
    return choice.replaceAll("([\\\\ ():\\[\\]])", "\\\\$1");
  }
}
