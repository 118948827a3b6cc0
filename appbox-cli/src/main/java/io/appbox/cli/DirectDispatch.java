package io.appbox.cli;

import io.appbox.core.log.Log;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Runs the commands that people and frontends call most ({@code list}, {@code exports}, {@code
 * profiles}, {@code install}, {@code search}) without building picocli's model, when their command
 * line is one of the plain forms below: the model costs about a tenth of a second of reflection on
 * every start. Anything else, help and every mistake included, goes to picocli, which explains it.
 *
 * <pre>
 * [GLOBAL...] list|ls|profiles [GLOBAL...]
 * [GLOBAL...] exports [--box B] [GLOBAL...]
 * [GLOBAL...] install [--box B | --distro D] [--no-export] [GLOBAL...] [--] PKG...
 * [GLOBAL...] search [--box B] [GLOBAL...] [--] WORD...
 * GLOBAL: --json, -v, --verbose, --stacktrace, --rootful, --engine E, --engine=E
 * </pre>
 */
final class DirectDispatch {
  private DirectDispatch() {}

  /** A command line of one of the plain forms, as picocli would have read it. */
  record Plain(
      String command,
      GlobalOptions global,
      String box,
      String distro,
      boolean noExport,
      List<String> packages) {
    BaseCommand toCommand() {
      return DirectDispatch.command(command, box, distro, noExport, packages);
    }
  }

  static OptionalInt run(
      String[] args, Map<String, String> env, Output.Factory outputs, Main.Failures failures) {
    Optional<Plain> plain = parse(args);
    if (plain.isEmpty()) {
      return OptionalInt.empty();
    }
    AppboxCommand root = new AppboxCommand(env, outputs);
    root.commandLine = List.of(args);
    root.global = plain.get().global();
    BaseCommand chosen = plain.get().toCommand();
    try {
      Session session = root.session();
      if (Log.debug()) {
        Log.debug("cli", plain.get().command() + " read directly, without picocli's model");
      }
      if (chosen instanceof LongOperation) {
        session.output().longOperation();
      }
      session.refuseUnderSudo();
      return OptionalInt.of(chosen.execute(session));
    } catch (Exception e) {
      return OptionalInt.of(failures.handle(e, root));
    }
  }

  /** The command line read, or empty when it is not one of the plain forms. */
  static Optional<Plain> parse(String[] args) {
    GlobalOptions global = new GlobalOptions();
    String command = null;
    String box = null;
    String distro = null;
    boolean noExport = false;
    List<String> packages = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (command != null
          && (command.equals("install") || command.equals("search"))
          && (a.equals("--") || !a.startsWith("-"))) {
        // The packages (or words): everything after "--", or the first word that is no option
        // onwards.
        List<String> rest = List.of(args).subList(a.equals("--") ? i + 1 : i, args.length);
        if (rest.isEmpty() || rest.stream().anyMatch(p -> p.startsWith("-") || p.isEmpty())) {
          return Optional.empty();
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
            return Optional.empty();
          }
          noExport = true;
        }
        case "--engine", "--box", "--distro" -> {
          // --box and --distro are the command's, so they come after its name.
          boolean commandOption = !a.equals("--engine");
          if (i + 1 >= args.length
              || args[i + 1].startsWith("-")
              || commandOption && command == null) {
            return Optional.empty();
          }
          String value = args[++i];
          if (commandOption && (box != null || distro != null)) {
            return Optional.empty(); // where to install, named twice: picocli explains
          }
          switch (a) {
            case "--box" -> box = value;
            case "--distro" -> distro = value;
            default -> {
              if (!engine(global, value)) {
                return Optional.empty();
              }
            }
          }
        }
        default -> {
          if (a.startsWith("--engine=")) {
            if (!engine(global, a.substring("--engine=".length()))) {
              return Optional.empty();
            }
          } else if (command == null
              && List.of("list", "ls", "exports", "profiles", "install", "search").contains(a)) {
            command = a;
          } else {
            return Optional.empty();
          }
        }
      }
    }
    boolean fits =
        command != null
            && switch (command) {
              case "exports" -> distro == null;
              case "install" -> !packages.isEmpty();
              case "search" -> !packages.isEmpty() && distro == null;
              default -> box == null && distro == null;
            };
    if (!fits) {
      return Optional.empty();
    }
    return Optional.of(new Plain(command, global, box, distro, noExport, List.copyOf(packages)));
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
      case "search" -> {
        SearchCommand search = new SearchCommand();
        search.choice = new BoxChoice();
        search.choice.box = box;
        search.terms = packages;
        yield search;
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
