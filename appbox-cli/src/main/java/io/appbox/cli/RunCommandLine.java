package io.appbox.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Puts a {@code run} command line in the one form picocli parses: {@code run [OPTION]... BOX --
 * CMD...}. appbox's options may stand before or after BOX ({@code run dev --root -- id}) and the
 * box may be named with {@code --box}; the command is what follows {@code --}, or without it the
 * first word after BOX onwards, options and all ({@code run dev ls -la}).
 */
final class RunCommandLine {
  private static final Set<String> FLAGS =
      Set.of(
          "--root",
          "--json",
          "-v",
          "--verbose",
          "--stacktrace",
          "--rootful",
          "-h",
          "--help",
          "--ephemeral");
  private static final Set<String> WITH_VALUE = Set.of("--engine", "--box", "--distro");

  private RunCommandLine() {}

  static String[] normalise(String[] args) {
    int run = indexOfRun(args);
    if (run < 0) {
      return args;
    }
    if (throwaway(args, run)) {
      return throwawayForm(args, run);
    }
    List<String> options = new ArrayList<>();
    String box = null;
    boolean boxOption = false;
    int i = run + 1;
    while (i < args.length) {
      String a = args[i];
      if (a.equals("--")) {
        i++;
        break;
      }
      if (WITH_VALUE.contains(a) && i + 1 < args.length) {
        if (a.equals("--box") && box == null) {
          box = args[i + 1];
          boxOption = true;
        } else {
          options.add(a);
          options.add(args[i + 1]);
        }
        i += 2;
      } else if (a.startsWith("--box=") && box == null) {
        box = a.substring("--box=".length());
        boxOption = true;
        i++;
      } else if (FLAGS.contains(a) || a.startsWith("--engine=")) {
        options.add(a);
        i++;
      } else if (a.startsWith("-") || box != null) {
        // An option appbox does not know before BOX is picocli's to explain; after BOX, and any
        // word once the box is named, starts the command.
        if (box == null) {
          return args;
        }
        break;
      } else {
        box = a;
        i++;
      }
    }
    if (box == null) {
      return args;
    }
    List<String> out = new ArrayList<>(List.of(args).subList(0, run + 1));
    out.addAll(options);
    out.add(box);
    if (i < args.length) {
      out.add("--");
      out.addAll(List.of(args).subList(i, args.length));
    } else if (boxOption || i > run + 1 && args[i - 1].equals("--")) {
      out.add("--");
    }
    return out.toArray(String[]::new);
  }

  /**
   * Whether the command line is {@code run --ephemeral ...}: {@code --ephemeral} among appbox's
   * options, with no BOX before it.
   */
  static boolean isThrowaway(String[] args) {
    int run = indexOfRun(args);
    return run >= 0 && throwaway(args, run);
  }

  private static boolean throwaway(String[] args, int run) {
    for (int i = run + 1; i < args.length && !args[i].equals("--"); i++) {
      if (args[i].equals("--ephemeral")) {
        return true;
      }
      if (WITH_VALUE.contains(args[i])) {
        i++;
      } else if (!args[i].startsWith("-")) {
        return false;
      }
    }
    return false;
  }

  /**
   * {@code run --ephemeral [OPTION]... [--] CMD...}: no BOX, so the command starts at the first
   * word that is no option; picocli gets {@code run [OPTION]... -- CMD...}.
   */
  private static String[] throwawayForm(String[] args, int run) {
    List<String> out = new ArrayList<>(List.of(args).subList(0, run + 1));
    int i = run + 1;
    while (i < args.length) {
      String a = args[i];
      if (a.equals("--")) {
        i++;
        break;
      }
      if (WITH_VALUE.contains(a) && i + 1 < args.length) {
        out.add(a);
        out.add(args[i + 1]);
        i += 2;
      } else if (a.startsWith("-")) {
        out.add(a); // known or not, picocli says
        i++;
      } else {
        break;
      }
    }
    out.add("--");
    out.addAll(List.of(args).subList(i, args.length));
    return out.toArray(String[]::new);
  }

  private static int indexOfRun(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--")) {
        return -1;
      }
      if (a.equals("--engine")) {
        i++;
        continue;
      }
      if (!a.startsWith("-")) {
        return a.equals("run") ? i : -1;
      }
    }
    return -1;
  }
}
