package io.appbox.core.manifest;

import io.appbox.core.BoxName;
import io.appbox.core.exported.ExportKind;
import io.appbox.core.pkg.PackageName;
import java.util.List;

/** One step of a plan: something {@code apply} changes on the engine or in the user's home. */
public sealed interface Change {
  /** The box the change is about. */
  BoxName box();

  /** What the change does, in words, such as {@code install git htop in dev}. */
  String describe();

  /** Creates the box and runs its init commands. */
  record Create(BoxSpec spec, String distro) implements Change {
    @Override
    public BoxName box() {
      return spec.name();
    }

    @Override
    public String describe() {
      return "create box "
          + spec.name()
          + " ("
          + distro
          + spec.image().map(i -> ", " + i).orElse("")
          + spec.home().map(h -> ", home " + h).orElse("")
          + (spec.init().isEmpty() ? "" : ", " + count(spec.init().size(), "init command"))
          + ")";
    }
  }

  /** Installs packages the box lacks. */
  record Install(BoxName box, List<PackageName> packages) implements Change {
    public Install {
      packages = List.copyOf(packages);
    }

    @Override
    public String describe() {
      return "install " + names(packages) + " in " + box;
    }
  }

  /** Exports a desktop application by its exact desktop-file id. */
  record ExportApp(BoxName box, String id) implements Change {
    @Override
    public String describe() {
      return "export app " + id + " from " + box;
    }
  }

  /** Exports an executable as a command. */
  record ExportBin(BoxName box, BinExport bin) implements Change {
    @Override
    public String describe() {
      return "export command " + bin.command() + " (" + bin.path() + ") from " + box;
    }
  }

  /** Adds the menu entry that opens a terminal in the box. */
  record ExportEntry(BoxName box) implements Change {
    @Override
    public String describe() {
      return "add the terminal menu entry of " + box;
    }
  }

  /** Takes away an export the manifest no longer lists ({@code --prune}). */
  record Unexport(BoxName box, ExportKind kind, String name) implements Change {
    @Override
    public String describe() {
      String what =
          kind == ExportKind.BIN
              ? "command " + name
              : name.equals(Planner.TERMINAL_ENTRY) ? "the terminal menu entry" : "app " + name;
      return "unexport " + what + " from " + box;
    }
  }

  /** Removes packages an earlier apply installed and the manifest no longer lists. */
  record RemovePackages(BoxName box, List<PackageName> packages) implements Change {
    public RemovePackages {
      packages = List.copyOf(packages);
    }

    @Override
    public String describe() {
      return "remove " + names(packages) + " from " + box;
    }
  }

  /** Removes a box an earlier apply managed, with every export that came from it. */
  record RemoveBox(BoxName box) implements Change {
    @Override
    public String describe() {
      return "remove box " + box + " and its exports";
    }
  }

  private static String names(List<PackageName> packages) {
    return String.join(" ", packages.stream().map(PackageName::value).toList());
  }

  private static String count(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }
}
