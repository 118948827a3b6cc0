package io.appbox.cli;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Runs the read-only commands that people and frontends call most ({@code list}, {@code exports},
 * {@code profiles}) without building picocli's model, when their command line holds nothing but
 * global options (and {@code --box} for exports): the model costs about a tenth of a second of
 * reflection on every start. Anything else, help included, goes to picocli.
 */
final class DirectDispatch {
  private DirectDispatch() {}

  static OptionalInt run(
      String[] args, Map<String, String> env, Output.Factory outputs, Main.Failures failures) {
    GlobalOptions global = new GlobalOptions();
    String command = null;
    String box = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--json" -> global.json = true;
        case "-v", "--verbose" -> global.verbose = true;
        case "--stacktrace" -> global.stacktrace = true;
        case "--engine", "--box" -> {
          if (i + 1 >= args.length || args[i + 1].startsWith("-")) {
            return OptionalInt.empty();
          }
          String value = args[++i];
          if (a.equals("--box")) {
            box = value;
          } else if (!engine(global, value)) {
            return OptionalInt.empty();
          }
        }
        default -> {
          if (a.startsWith("--engine=")) {
            if (!engine(global, a.substring("--engine=".length()))) {
              return OptionalInt.empty();
            }
          } else if (command == null
              && (a.equals("list")
                  || a.equals("ls")
                  || a.equals("exports")
                  || a.equals("profiles"))) {
            command = a;
          } else {
            return OptionalInt.empty();
          }
        }
      }
    }
    if (command == null || (box != null && !command.equals("exports"))) {
      return OptionalInt.empty();
    }
    AppboxCommand root = new AppboxCommand(env, outputs);
    root.global = global;
    BaseCommand chosen =
        switch (command) {
          case "exports" -> {
            ExportsCommand exports = new ExportsCommand();
            exports.box = box;
            yield exports;
          }
          case "profiles" -> new ProfilesCommand();
          default -> new ListCommand();
        };
    try {
      return OptionalInt.of(chosen.execute(root.session()));
    } catch (Exception e) {
      return OptionalInt.of(failures.handle(e, root));
    }
  }

  private static boolean engine(GlobalOptions global, String value) {
    try {
      global.engine = GlobalOptions.Engine.valueOf(value.toLowerCase(Locale.ROOT));
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
