package io.appbox.core.pkg;

import io.appbox.core.AppboxException;
import io.appbox.core.ErrorCode;
import io.appbox.core.box.BoxLabels;
import io.appbox.core.engine.ContainerEngine;
import io.appbox.core.engine.ContainerState;
import io.appbox.core.engine.ExecRequest;
import io.appbox.core.engine.ExecResult;
import io.appbox.core.engine.OutputListener;
import io.appbox.core.log.Log;
import io.appbox.core.profile.DistroProfile;
import io.appbox.core.profile.PackageCommand;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The package manager of a box, run through the engine with the profile's commands: what changes
 * and what queries share (the environment, reading output into records, failures in words).
 */
final class BoxPackageManager {
  private final ContainerEngine engine;

  BoxPackageManager(ContainerEngine engine) {
    this.engine = engine;
  }

  /** The same command line and environment as {@link #exec}, run by {@code runner}. */
  ExecResult run(
      ContainerState box,
      DistroProfile profile,
      PackageCommand command,
      List<String> args,
      PackageService.Runner runner) {
    List<String> argv = new ArrayList<>(command.argv());
    argv.addAll(args);
    if (Log.info()) {
      Log.info(
          "pkg",
          "box "
              + box.name()
              + " runs as "
              + BoxLabels.engineUser(box.labels())
              + ": "
              + String.join(" ", argv)
              + ", then the export's reads of the box's files");
    }
    ExecResult r = runner.run(argv, environment(profile));
    Log.info("pkg", String.join(" ", command.argv()) + " ended with exit status " + r.exitCode());
    return r;
  }

  ExecResult exec(
      ContainerState box,
      DistroProfile profile,
      PackageCommand command,
      List<String> args,
      OutputListener listener) {
    List<String> argv = new ArrayList<>(command.argv());
    argv.addAll(args);
    String user = command.root() ? "root" : BoxLabels.engineUser(box.labels());
    Map<String, String> env = environment(profile);
    if (!Log.info()) {
      return engine.exec(box.name(), new ExecRequest(argv, user, env, "/"), listener);
    }
    // Logged whole, as it comes: what "run with --verbose to see all of its output" promises.
    Log.info("pkg", "box " + box.name() + " runs as " + user + ": " + String.join(" ", argv));
    ExecResult r =
        engine.exec(
            box.name(),
            new ExecRequest(argv, user, env, "/"),
            (stream, line) -> {
              if (Log.debug()) {
                Log.debug("pkg", (stream == OutputListener.Stream.STDERR ? "! " : "| ") + line);
              }
              listener.line(stream, line);
            });
    Log.info("pkg", String.join(" ", command.argv()) + " ended with exit status " + r.exitCode());
    return r;
  }

  private static Map<String, String> environment(DistroProfile profile) {
    // UTF-8 whatever the box's default: without it apt writes "humanity?s" for "humanity’s".
    Map<String, String> env = new LinkedHashMap<>(profile.environment());
    env.putIfAbsent("LANG", "C.UTF-8");
    return env;
  }

  static Set<String> notFound(DistroProfile profile, ExecResult r) {
    Set<String> names = new LinkedHashSet<>();
    profile
        .packages()
        .notFound()
        .ifPresent(
            p -> {
              Matcher m = p.matcher(r.stdout() + "\n" + r.stderr());
              while (m.find()) {
                names.add(m.group("name"));
              }
            });
    return names;
  }

  static AppboxException failed(
      ContainerState box, DistroProfile profile, String what, ExecResult r) {
    // The last words of both streams: dpkg and the package's scripts write to standard output,
    // apt its verdict to standard error.
    List<String> lines = new ArrayList<>(lastLines(r.stdout(), r.stderr().isBlank() ? 8 : 5));
    lines.addAll(lastLines(r.stderr(), 4));
    String tail = String.join("\n", lines);
    String all = r.stdout() + "\n" + r.stderr();
    Optional<Matcher> locked =
        profile.packages().locked().map(p -> p.matcher(all)).filter(Matcher::find);
    if (locked.isPresent()) {
      int start = all.lastIndexOf('\n', locked.get().start()) + 1;
      int end = all.indexOf('\n', locked.get().end());
      String message = all.substring(start, end < 0 ? all.length() : end).strip();
      return new AppboxException(
          ErrorCode.LOCKED,
          "Another program is using the package manager of box "
              + box.name()
              + "; nothing was changed:\n"
              + message,
          "Wait until it has finished, then try again.");
    }
    return new AppboxException(
        ErrorCode.PACKAGE_MANAGER_FAILED,
        "The package manager of box "
            + box.name()
            + " ("
            + profile.id()
            + ") failed to "
            + what
            + " (exit "
            + r.exitCode()
            + "):\n"
            + tail,
        "Read its message above; run with --verbose to see all of its output.");
  }

  private static List<String> lastLines(String output, int count) {
    List<String> lines =
        output
            .lines()
            .map(String::stripTrailing)
            .filter(l -> !l.isBlank() && !l.startsWith("pmstatus:") && !l.startsWith("dlstatus:"))
            // apt's status line of an error, "pmerror:PKG:PERCENT:MESSAGE", as "PKG: MESSAGE".
            .map(l -> l.replaceFirst("^pmerror:([^:]+):[^:]*:", "$1: "))
            .toList();
    return lines.subList(Math.max(0, lines.size() - count), lines.size());
  }

  /** The installed packages, name to version. */
  Map<String, String> versions(ContainerState box, DistroProfile profile) {
    PackageCommand list = profile.packages().listInstalled();
    ExecResult r = exec(box, profile, list, List.of(), OutputListener.NONE);
    if (!r.ok()) {
      throw failed(box, profile, "list the installed packages", r);
    }
    return versionsIn(list, r.stdout());
  }

  /**
   * The named packages that are installed, name to version: through the profile's {@code
   * query-installed} when it has one (a name not installed yields no record; an exit status of 126
   * or more means the command did not run), else picked from the whole list.
   */
  Map<String, String> versionsOf(ContainerState box, DistroProfile profile, List<String> names) {
    Optional<PackageCommand> query = profile.packages().queries().queryInstalled();
    if (query.isEmpty()) {
      Map<String, String> all = versions(box, profile);
      Map<String, String> out = new LinkedHashMap<>();
      for (String n : names) {
        if (all.containsKey(n)) {
          out.put(n, all.get(n));
        }
      }
      return out;
    }
    ExecResult r = exec(box, profile, query.get(), names, OutputListener.NONE);
    if (r.exitCode() >= 126) {
      throw failed(box, profile, "tell which packages are installed", r);
    }
    Map<String, String> out = versionsIn(query.get(), r.stdout());
    out.keySet().retainAll(names);
    return out;
  }

  /** The packages the command's output names, name to version, in the order it names them. */
  static Map<String, String> versionsIn(PackageCommand command, String output) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map<String, String> record : records(command, output)) {
      out.put(record.get("name"), record.getOrDefault("version", ""));
    }
    return out;
  }

  /** Every match of the command's output pattern, as group name to value. */
  static List<Map<String, String>> records(PackageCommand command, String output) {
    List<Map<String, String>> records = new ArrayList<>();
    Pattern pattern =
        command
            .output()
            .orElse(
                Pattern.compile(
                    "^(?<name>[^\\t\\n]+)\\t(?<version>[^\\t\\n]*)$", Pattern.MULTILINE));
    Set<String> groups = groupsOf(pattern);
    Matcher m = pattern.matcher(output);
    while (m.find()) {
      Map<String, String> record = new LinkedHashMap<>();
      for (String g : groups) {
        String v = m.group(g);
        if (v != null) {
          record.put(g, v.strip());
        }
      }
      records.add(record);
    }
    return records;
  }

  private static Set<String> groupsOf(Pattern p) {
    Set<String> groups = new LinkedHashSet<>();
    Matcher names = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>").matcher(p.pattern());
    while (names.find()) {
      groups.add(names.group(1));
    }
    return groups;
  }
}
