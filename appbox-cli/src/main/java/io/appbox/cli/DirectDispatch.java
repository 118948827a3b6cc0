package io.appbox.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Runs the commands that people and frontends call most ({@code list}, {@code exports}, {@code
 * profiles}, {@code install}) without building picocli's model, when their command line is one of
 * the plain forms below: the model costs about a tenth of a second of reflection on every start.
 * Anything else, help and every mistake included, goes to picocli, which explains it.
 *
 * <pre>
 * [GLOBAL...] list|ls|profiles [GLOBAL...]
 * [GLOBAL...] exports [--box B] [GLOBAL...]
 * [GLOBAL...] install [--box B | --distro D] [--no-export] [GLOBAL...] [--] PKG...
 * GLOBAL: --json, -v, --verbose, --stacktrace, --rootful, --engine E, --engine=E
 * </pre>
 */
final class DirectDispatch {
  private DirectDispatch() {}

  static OptionalInt run(
      String[] args, Map<String, String> env, Output.Factory outputs, Main.Failures failures) {
    GlobalOptions global = new GlobalOptions();
    String command = null;
    String box = null;
    String distro = null;
    boolean noExport = false;
    List<String> packages = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (command != null && command.equals("install") && (a.equals("--") || !a.startsWith("-"))) {
        // The packages: everything after "--", or the first word that is no option onwards.
        List<String> rest = List.of(args).subList(a.equals("--") ? i + 1 : i, args.length);
        if (rest.isEmpty() || rest.stream().anyMatch(p -> p.startsWith("-") || p.isEmpty())) {
          return OptionalInt.empty();
        }
        packages.addAll(rest);
        break;
      }
      switch (a) {
        case "--json" -> global.json = true;
        case "-v", "--verbose" -> global.verbose = true;
        case "--stacktrace" -> global.stacktrace = true;
        case "--rootful" -> global.rootful = true;
        case "--no-export" -> {
          if (!"install".equals(command)) {
            return OptionalInt.empty();
          }
          noExport = true;
        }
        case "--engine", "--box", "--distro" -> {
          if (i + 1 >= args.length || args[i + 1].startsWith("-")) {
            return OptionalInt.empty();
          }
          String value = args[++i];
          switch (a) {
            case "--box" -> box = value;
            case "--distro" -> distro = value;
            default -> {
              if (!engine(global, value)) {
                return OptionalInt.empty();
              }
            }
          }
        }
        default -> {
          if (a.startsWith("--engine=")) {
            if (!engine(global, a.substring("--engine=".length()))) {
              return OptionalInt.empty();
            }
          } else if (command == null
              && List.of("list", "ls", "exports", "profiles", "install").contains(a)) {
            command = a;
          } else {
            return OptionalInt.empty();
          }
        }
      }
    }
    boolean fits =
        command != null
            && switch (command) {
              case "exports" -> distro == null;
              case "install" -> !packages.isEmpty() && (box == null || distro == null);
              default -> box == null && distro == null;
            };
    if (!fits) {
      return OptionalInt.empty();
    }
    AppboxCommand root = new AppboxCommand(env, outputs);
    root.commandLine = List.of(args);
    root.global = global;
    BaseCommand chosen = command(command, box, distro, noExport, packages);
    try {
      Session session = root.session();
      if (chosen instanceof LongOperation) {
        session.output().longOperation();
      }
      session.refuseUnderSudo();
      return OptionalInt.of(chosen.execute(session));
    } catch (Exception e) {
      return OptionalInt.of(failures.handle(e, root));
    }
  }

  private static BaseCommand command(
      String command, String box, String distro, boolean noExport, List<String> packages) {
    return switch (command) {
      case "exports" -> {
        ExportsCommand exports = new ExportsCommand();
        exports.box = box;
        yield exports;
      }
      case "install" -> {
        InstallCommand install = new InstallCommand();
        install.where.box = box;
        install.where.distro = distro;
        install.noExport = noExport;
        install.packages = packages;
        yield install;
      }
      case "profiles" -> new ProfilesCommand();
      default -> new ListCommand();
    };
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
