package io.appbox.cli;

import io.appbox.core.AppboxException;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "completion",
    description = {
      "Print a script that completes appbox's commands, options, box names and distros in your"
          + " shell. Box and distro names are asked of appbox when you press TAB."
    },
    subcommands = CompletionCandidatesCommand.class,
    // SHELL is optional to picocli, so that it does not ask for one before the hidden subcommand.
    customSynopsis = "appbox completion [OPTION]... SHELL",
    footer = {
      "",
      "Load it in ~/.bashrc, ~/.zshrc (after compinit) or fish's config.fish:",
      "  source <(appbox completion bash)",
      "  source <(appbox completion zsh)",
      "  appbox completion fish | source",
      "",
      "Examples:",
      "  appbox completion bash > ~/.local/share/bash-completion/completions/appbox",
      "  appbox completion fish > ~/.config/fish/completions/appbox.fish",
      "  appbox completion zsh --json"
    })
final class CompletionCommand extends BaseCommand {
  /** The shells appbox writes completion scripts for. */
  enum Shell {
    bash,
    zsh,
    fish
  }

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "SHELL",
      description = "The shell: ${COMPLETION-CANDIDATES}.")
  Shell shell;

  @Override
  int execute(Session session) {
    if (shell == null) {
      throw AppboxException.invalid(
          "Name the shell: bash, zsh or fish.", "For example: appbox completion bash");
    }
    String script = script(shell);
    Output out = session.output();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("shell", shell.name());
    data.put("script", script);
    out.result(data, () -> out.out().print(script));
    return ExitCodes.OK;
  }

  /** The completion script for a shell, made from the model of every command. */
  static String script(Shell shell) {
    CompletionModel.Command root = CompletionModel.of(AllCommands.commandLine());
    return switch (shell) {
      case bash -> BashCompletion.script(root, Session.VERSION);
      case zsh -> ZshCompletion.script(root, Session.VERSION);
      case fish -> FishCompletion.script(root, Session.VERSION);
    };
  }
}
