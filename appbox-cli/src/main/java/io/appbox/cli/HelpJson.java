package io.appbox.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code --json --help}: the command described for a frontend, from the same model the text help is
 * printed from: its name, description, options, parameters and subcommands.
 */
final class HelpJson {
  private HelpJson() {}

  /** The command whose help was asked for, or null when none was. */
  static CommandLine requested(CommandLine.ParseResult parsed) {
    CommandLine found = null;
    for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.isUsageHelpRequested()) {
        found = p.commandSpec().commandLine();
      }
    }
    return found;
  }

  static Map<String, Object> of(CommandSpec spec) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", spec.name());
    out.put("command", spec.qualifiedName(" "));
    out.put("description", String.join("\n", spec.usageMessage().description()));
    List<Object> options = new ArrayList<>();
    for (OptionSpec o : spec.options()) {
      if (o.hidden()) {
        continue;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("names", List.of(o.names()));
      m.put("arity", o.arity().toString());
      m.put("paramLabel", o.arity().max() == 0 ? null : o.paramLabel());
      m.put("description", String.join("\n", o.description()));
      m.put("required", o.required() && o.group() == null);
      options.add(m);
    }
    out.put("options", options);
    List<Object> parameters = new ArrayList<>();
    for (PositionalParamSpec p : spec.positionalParameters()) {
      if (p.hidden()) {
        continue;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("paramLabel", p.paramLabel());
      m.put("arity", p.arity().toString());
      m.put("description", String.join("\n", p.description()));
      parameters.add(m);
    }
    out.put("parameters", parameters);
    List<Object> subcommands = new ArrayList<>();
    spec.subcommands()
        .forEach(
            (name, sub) -> {
              if (!sub.getCommandSpec().usageMessage().hidden()
                  && name.equals(sub.getCommandName())) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", name);
                m.put(
                    "description",
                    String.join("\n", sub.getCommandSpec().usageMessage().description()));
                subcommands.add(m);
              }
            });
    out.put("subcommands", subcommands);
    return out;
  }
}
