package io.appbox.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * picocli's model of every command, for completion scripts, man pages and help tests. A normal run
 * builds only the command it runs ({@link Commands}); these need all of them.
 */
final class AllCommands {
  private AllCommands() {}

  /** The root command line with every subcommand added, as {@code appbox --help} sees it. */
  static CommandLine commandLine() {
    AppboxCommand root = new AppboxCommand(Map.of(), options -> null);
    return Main.commandLine(root, new String[0]);
  }

  /** The visible subcommands of a command, each once (aliases are keys of the same one). */
  static List<CommandLine> visibleSubcommands(CommandLine cli) {
    List<CommandLine> visible = new ArrayList<>();
    for (CommandLine sub : new LinkedHashSet<>(cli.getSubcommands().values())) {
      if (!sub.getCommandSpec().usageMessage().hidden()) {
        visible.add(sub);
      }
    }
    return visible;
  }

  /** A command and every visible command under it, depth first, the command first. */
  static List<CommandLine> tree(CommandLine cli) {
    List<CommandLine> all = new ArrayList<>();
    all.add(cli);
    for (CommandLine sub : visibleSubcommands(cli)) {
      all.addAll(tree(sub));
    }
    return all;
  }

  /** The words that run a command: {@code appbox image build}. */
  static String qualifiedName(CommandLine cli) {
    return cli.getCommandSpec().qualifiedName(" ");
  }
}
