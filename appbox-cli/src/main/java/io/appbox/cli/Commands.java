package io.appbox.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * Every subcommand, by name. Building picocli's model of a command costs reflection on start-up, so
 * only the command being run is added; help and completion get all of them.
 */
final class Commands {
  private static final Map<String, Supplier<Object>> ALL = new LinkedHashMap<>();

  static {
    ALL.put("create", CreateCommand::new);
    ALL.put("enter", EnterCommand::new);
    ALL.put("run", RunCommand::new);
    ALL.put("list", ListCommand::new);
    ALL.put("start", StartCommand::new);
    ALL.put("stop", StopCommand::new);
    ALL.put("rm", RmCommand::new);
    ALL.put("rename", RenameCommand::new);
    ALL.put("install", InstallCommand::new);
    ALL.put("remove", RemoveCommand::new);
    ALL.put("autoremove", AutoremoveCommand::new);
    ALL.put("search", SearchCommand::new);
    ALL.put("show", ShowCommand::new);
    ALL.put("packages", PackagesCommand::new);
    ALL.put("update", UpdateCommand::new);
    ALL.put("upgrade", UpgradeCommand::new);
    ALL.put("snapshots", SnapshotsCommand::new);
    ALL.put("rollback", RollbackCommand::new);
    ALL.put("auto-update", AutoUpdateCommand::new);
    ALL.put("export", ExportCommand::new);
    ALL.put("unexport", UnexportCommand::new);
    ALL.put("exports", ExportsCommand::new);
    ALL.put("profiles", ProfilesCommand::new);
    ALL.put("presets", PresetsCommand::new);
    ALL.put("image", ImageCommand::new);
    ALL.put("host-command", HostCommandCommand::new);
    ALL.put("doctor", DoctorCommand::new);
    ALL.put("apply", ApplyCommand::new);
    ALL.put("export-manifest", ExportManifestCommand::new);
    ALL.put("completion", CompletionCommand::new);
  }

  /** Global options that take a value, so the value is not mistaken for a command's name. */
  private static final List<String> OPTIONS_WITH_VALUE = List.of("--engine");

  private Commands() {}

  static Map<String, Supplier<Object>> all() {
    return ALL;
  }

  static void register(CommandLine cli, String[] args) {
    String wanted = invoked(args);
    Supplier<Object> only = wanted == null ? null : ALL.get(wanted);
    if (only != null) {
      cli.addSubcommand(only.get());
    } else {
      ALL.values().forEach(s -> cli.addSubcommand(s.get()));
    }
    CommandLine run = cli.getSubcommands().get("run");
    if (run != null) {
      // Everything after `run BOX` belongs to the command in the box, options included.
      run.setStopAtPositional(true);
    }
  }

  /** The subcommand named on the command line (an alias resolved), or null. */
  static String invoked(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--")) {
        return null;
      }
      if (OPTIONS_WITH_VALUE.contains(a)) {
        i++;
        continue;
      }
      if (!a.startsWith("-")) {
        return a.equals("ls") ? "list" : a;
      }
    }
    return null;
  }
}
