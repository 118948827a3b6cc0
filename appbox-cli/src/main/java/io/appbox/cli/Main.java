package io.appbox.cli;

import io.appbox.core.AppboxException;
import io.appbox.core.ErrorCode;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** The entry point: parses the command line, runs the command, turns failures into exit codes. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    String training = System.getProperty("appbox.training");
    if (training != null) {
      CdsTraining.train(training);
    }
    warmUp();
    int code = run(args, System.getenv(), System.out, System.err);
    // After Ctrl-C the exit waits for this: the command has ended and said how.
    FinishBeforeExit.commandEnded();
    System.exit(code);
  }

  static int run(String[] given, Map<String, String> env, PrintStream out, PrintStream err) {
    String[] args = RunCommandLine.normalise(given);
    // The version is asked for by scripts and frontends before anything else: answer it without
    // building the command model.
    List<String> words = List.of(args);
    if (!words.isEmpty()
        && words.stream()
            .allMatch(a -> a.equals("--version") || a.equals("-V") || a.equals("--json"))
        && (words.contains("--version") || words.contains("-V"))) {
      out.println(
          words.contains("--json")
              ? "{\"ok\":true,\"data\":{\"version\":"
                  + io.appbox.core.json.Json.write(Session.VERSION)
                  + ",\"commit\":"
                  + io.appbox.core.json.Json.write(Version.commit())
                  + ",\"runtime\":"
                  + io.appbox.core.json.Json.write(Version.runtime())
                  + "}}"
              : "appbox " + Session.VERSION);
      out.flush();
      return ExitCodes.OK;
    }
    Output.Factory outputs =
        options -> {
          Output output =
              new Output(
                  out,
                  err,
                  options.json,
                  Terminal.colorAllowed(env, 1),
                  Terminal.isTerminal(2) && !"dumb".equals(env.get("TERM")),
                  Terminal.width(env));
          LogSetup.configure(options.verbose, env, output);
          return output;
        };
    Failures failures =
        (e, root) -> {
          Output output = root.session().output();
          AppboxException failure = asAppboxException(e);
          output.error(failure);
          if (root.global != null && root.global.stacktrace) {
            e.printStackTrace(err);
          }
          return ExitCodes.of(failure.code());
        };
    java.util.OptionalInt direct = DirectDispatch.run(args, env, outputs, failures);
    if (direct.isPresent()) {
      return direct.getAsInt();
    }
    AppboxCommand root = new AppboxCommand(env, outputs);
    root.commandLine = List.of(given);
    CommandLine cli = commandLine(root, args);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setParameterExceptionHandler(
        (ParameterException e, String[] a) -> {
          Output output = root.session().output();
          if (e.getCommandLine().getCommand() instanceof LongOperation) {
            output.longOperation();
          }
          output.error(UsageErrors.of(e, given));
          return ExitCodes.USAGE;
        });
    cli.setExecutionExceptionHandler(
        (Exception e, CommandLine c, CommandLine.ParseResult r) -> failures.handle(e, root));
    cli.setExecutionStrategy(
        parsed -> {
          CommandLine helped = HelpJson.requested(parsed);
          if (helped != null && root.global.json) {
            // A frontend asks what a command takes: the help as one JSON document.
            Map<String, Object> doc = new java.util.LinkedHashMap<>();
            doc.put("ok", true);
            doc.put("data", HelpJson.of(helped.getCommandSpec()));
            out.println(io.appbox.core.json.Json.write(doc));
            out.flush();
            return ExitCodes.OK;
          }
          return new CommandLine.RunLast().execute(parsed);
        });
    return cli.execute(args);
  }

  /**
   * Two first uses the JDK makes slow, done on a second core while the command line is parsed: its
   * unix-socket support seeds a SecureRandom, which loads the security providers (some 25 ms); the
   * first process started asks for the system logger, which looks for a LoggerFinder in every jar's
   * META-INF/services (some 10 ms before the first command in a box).
   */
  private static void warmUp() {
    nameTheSelectorProvider();
    Thread warmUp =
        new Thread(
            () -> {
              try {
                java.nio.channels.SocketChannel.open(java.net.StandardProtocolFamily.UNIX).close();
              } catch (java.io.IOException | RuntimeException ignored) {
                // the command that needs a socket will say what is wrong
              }
              System.getLogger("java.lang.ProcessBuilder").isLoggable(System.Logger.Level.DEBUG);
            },
            "appbox-warm-up");
    warmUp.setDaemon(true);
    warmUp.start();
  }

  private static final String SELECTOR_PROVIDER = "java.nio.channels.spi.SelectorProvider";
  private static final String LINUX_SELECTOR_PROVIDER = "sun.nio.ch.EPollSelectorProvider";

  /**
   * The first socket asks for the selector provider, which, unless named, is looked for in every
   * jar's META-INF/services: seven jars opened and read, some 8 ms of each start. The JDK's own
   * Linux provider is named when this JDK has it with the public constructor the lookup needs.
   */
  private static void nameTheSelectorProvider() {
    if (System.getProperty(SELECTOR_PROVIDER) != null) {
      return;
    }
    try {
      Class<?> linux = Class.forName(LINUX_SELECTOR_PROVIDER, false, null);
      if (java.nio.channels.spi.SelectorProvider.class.isAssignableFrom(linux)
          && java.lang.reflect.Modifier.isPublic(linux.getConstructor().getModifiers())) {
        System.setProperty(SELECTOR_PROVIDER, LINUX_SELECTOR_PROVIDER);
      }
    } catch (ReflectiveOperationException | LinkageError | SecurityException e) {
      // another JDK or platform: the JDK looks the provider up itself
    }
  }

  /** Reports a command's failure and gives its exit code. */
  interface Failures {
    int handle(Exception e, AppboxCommand root);
  }

  static CommandLine commandLine(AppboxCommand root, String[] args) {
    CommandLine cli = new CommandLine(root);
    Commands.register(cli, args);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    // An option given twice (a frontend's --json and the user's) counts once; a value, the last.
    cli.setOverwrittenOptionsAllowed(true);
    return cli;
  }

  private static AppboxException asAppboxException(Exception e) {
    if (e instanceof AppboxException a) {
      return a;
    }
    if (e instanceof UncheckedIOException io) {
      return new AppboxException(
          ErrorCode.FAILED,
          io.getMessage(),
          "Check the path and its permissions; run again with --stacktrace for details.",
          e);
    }
    StringWriter what = new StringWriter();
    what.append(e.getClass().getSimpleName());
    if (e.getMessage() != null) {
      what.append(": ").append(e.getMessage());
    }
    return new AppboxException(
        ErrorCode.FAILED,
        "Unexpected error: " + what,
        "Run again with --stacktrace and report it.",
        e);
  }
}
