package io.appbox.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "image",
    description = "Make the images boxes start from.",
    subcommands = {ImageBuildCommand.class},
    footer = {"", "Examples:", "  appbox image build debian", "  appbox image --help"})
final class ImageCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
