package io.appbox.core.manifest;

import io.appbox.core.BoxName;
import io.appbox.core.exported.ExportKind;
import io.appbox.core.json.JsonValue;
import io.appbox.core.pkg.PackageName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One step of a plan: something {@code apply} changes on the engine or in the user's home. */
public sealed interface Change extends JsonValue {
  /** The box the change is about. */
  BoxName box();

  /** What the change does, in words, such as {@code install git htop in dev}. */
  String describe();

  /** A word a frontend can switch on, such as {@code install}. */
  String action();

  /** The fields of the change beyond its action and box, for the machine interface. */
  Map<String, Object> details();

  @Override
  default Object toJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("action", action());
    out.put("box", box().value());
    out.putAll(details());
    out.put("description", describe());
    return out;
  }

  /** Creates the box and runs its init commands. */
  record Create(BoxSpec spec, String distro) implements Change {
    @Override
    public BoxName box() {
      return spec.name();
    }

    @Override
    public String action() {
      return "create";
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

    @Override
    public Map<String, Object> details() {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("distro", distro);
      out.put("image", spec.image().map(Object::toString).orElse(null));
      out.put("home", spec.home().map(Object::toString).orElse(null));
      out.put(
          "volumes",
          spec.volumes().stream().map(v -> Manifest.volume(v, Optional.empty())).toList());
      out.put("init", spec.init());
      return out;
    }
  }

  /** Installs packages the box lacks. */
  record Install(BoxName box, List<PackageName> packages) implements Change {
    public Install {
      packages = List.copyOf(packages);
    }

    @Override
    public String action() {
      return "install";
    }

    @Override
    public String describe() {
      return "install " + names(packages) + " in " + box;
    }

    @Override
    public Map<String, Object> details() {
      return Map.of("packages", packages.stream().map(PackageName::value).toList());
    }
  }

  /** Exports a desktop application by its exact desktop-file id. */
  record ExportApp(BoxName box, String id) implements Change {
    @Override
    public String action() {
      return "export-app";
    }

    @Override
    public String describe() {
      return "export app " + id + " from " + box;
    }

    @Override
    public Map<String, Object> details() {
      return Map.of("id", id);
    }
  }

  /** Exports an executable as a command. */
  record ExportBin(BoxName box, BinExport bin) implements Change {
    @Override
    public String action() {
      return "export-bin";
    }

    @Override
    public String describe() {
      return "export command " + bin.command() + " (" + bin.path() + ") from " + box;
    }

    @Override
    public Map<String, Object> details() {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("path", bin.path());
      out.put("as", bin.command());
      return out;
    }
  }

  /** Adds the menu entry that opens a terminal in the box. */
  record ExportEntry(BoxName box) implements Change {
    @Override
    public String action() {
      return "export-entry";
    }

    @Override
    public String describe() {
      return "add the terminal menu entry of " + box;
    }

    @Override
    public Map<String, Object> details() {
      return Map.of();
    }
  }

  /** Takes away an export the manifest no longer lists ({@code --prune}). */
  record Unexport(BoxName box, ExportKind kind, String name) implements Change {
    @Override
    public String action() {
      return "unexport";
    }

    @Override
    public String describe() {
      String what =
          kind == ExportKind.BIN
              ? "command " + name
              : name.equals(Planner.TERMINAL_ENTRY) ? "the terminal menu entry" : "app " + name;
      return "unexport " + what + " from " + box;
    }

    @Override
    public Map<String, Object> details() {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("kind", kind.name().toLowerCase(Locale.ROOT));
      out.put("name", name);
      return out;
    }
  }

  /** Removes packages an earlier apply installed and the manifest no longer lists. */
  record RemovePackages(BoxName box, List<PackageName> packages) implements Change {
    public RemovePackages {
      packages = List.copyOf(packages);
    }

    @Override
    public String action() {
      return "remove-packages";
    }

    @Override
    public String describe() {
      return "remove " + names(packages) + " from " + box;
    }

    @Override
    public Map<String, Object> details() {
      return Map.of("packages", packages.stream().map(PackageName::value).toList());
    }
  }

  /** Removes a box an earlier apply managed, with every export that came from it. */
  record RemoveBox(BoxName box) implements Change {
    @Override
    public String action() {
      return "remove-box";
    }

    @Override
    public String describe() {
      return "remove box " + box + " and its exports";
    }

    @Override
    public Map<String, Object> details() {
      return Map.of();
    }
  }

  private static String names(List<PackageName> packages) {
    return String.join(" ", packages.stream().map(PackageName::value).toList());
  }

  private static String count(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }
}
