package io.appbox.profiles;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ImageRef;
import io.appbox.core.Quote;
import io.appbox.core.box.Volume;
import io.appbox.core.manifest.BinExport;
import io.appbox.core.manifest.BoxSpec;
import io.appbox.core.manifest.Manifest;
import io.appbox.core.pkg.PackageName;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads a manifest's YAML tree into a {@link Manifest}, checking every field on the way with the
 * same rules the commands apply ({@code BoxName}, {@code PackageName}, {@code ImageRef}, {@code
 * Volume}), so that what apply would refuse halfway is refused before it starts.
 */
final class ManifestTranslator {
  private static final List<String> FIELDS = List.of("boxes");
  private static final List<String> BOX_FIELDS =
      List.of("distro", "image", "home", "volumes", "init", "entry", "packages", "export");
  private static final List<String> EXPORT_FIELDS = List.of("apps", "bins");
  private static final List<String> BIN_FIELDS = List.of("path", "as");

  private ManifestTranslator() {}

  static Manifest translate(YamlField root, Path userHome) {
    if (!root.isMapping()) {
      throw root.problem(
          "expected a mapping with boxes, found " + YamlField.describe(root.node()),
          "A manifest starts with boxes: and lists the boxes under it.");
    }
    YamlMapping doc = root.mapping(FIELDS);
    YamlField boxesField = doc.required("boxes");
    List<BoxSpec> boxes = new ArrayList<>();
    if (boxesField.isNull()) {
      return new Manifest(boxes);
    }
    YamlMapping byName = boxesField.anyMapping("box names to boxes");
    // ~/.local/bin is one directory: two boxes cannot both export a command of one name.
    Map<String, YamlField> commands = new HashMap<>();
    for (Map.Entry<String, YamlField> entry : byName.fields().entrySet()) {
      YamlField nameField = byName.key(entry.getKey());
      BoxName name = parsed(nameField, () -> BoxName.of(entry.getKey()));
      boxes.add(box(name, entry.getValue(), userHome, commands));
    }
    return new Manifest(boxes);
  }

  /** One box's section, as in a manifest; a preset file is one of these. */
  static BoxSpec box(BoxName name, YamlField field, Path userHome) {
    return box(name, field, userHome, new HashMap<>());
  }

  private static BoxSpec box(
      BoxName name, YamlField field, Path userHome, Map<String, YamlField> commands) {
    if (field.isNull()) {
      return BoxSpec.named(name);
    }
    YamlMapping box = field.mapping(BOX_FIELDS);
    Optional<String> distro = box.optional("distro").map(ManifestTranslator::distro);
    Optional<ImageRef> image = box.optional("image").map(ProfileTranslator::image);
    Optional<Path> home =
        box.optional("home").map(f -> parsed(f, () -> BoxSpec.home(f.text(), userHome)));
    List<Volume> volumes =
        box.optional("volumes")
            .map(f -> each(f, v -> parsed(v, () -> BoxSpec.volume(v.string(), userHome))))
            .orElse(List.of());
    List<List<String>> init =
        box.optional("init")
            .map(f -> each(f, c -> parsed(c, () -> BoxSpec.initCommand(c.strings()))))
            .orElse(List.of());
    boolean entry = box.optional("entry").map(YamlField::bool).orElse(false);
    List<PackageName> packages =
        box.optional("packages")
            .map(f -> unique(each(f, p -> parsed(p, () -> PackageName.of(p.string()))), f))
            .orElse(List.of());
    List<String> apps = List.of();
    List<BinExport> bins = List.of();
    Optional<YamlField> exportField = box.optional("export");
    if (exportField.isPresent() && !exportField.get().isNull()) {
      YamlMapping export = exportField.get().mapping(EXPORT_FIELDS);
      apps =
          export
              .optional("apps")
              .map(f -> unique(each(f, a -> parsed(a, () -> BoxSpec.desktopId(a.string()))), f))
              .orElse(List.of());
      bins = export.optional("bins").map(f -> each(f, b -> bin(b, commands))).orElse(List.of());
    }
    return new BoxSpec(name, distro, image, home, volumes, init, entry, packages, apps, bins);
  }

  private static String distro(YamlField field) {
    String id = field.string();
    if (!ProfileTranslator.ID.matcher(id).matches()) {
      throw field.problem(
          Quote.of(id) + " is not a distro id",
          "Name a distro profile such as debian or fedora; appbox profiles lists them.");
    }
    return id;
  }

  private static BinExport bin(YamlField field, Map<String, YamlField> commands) {
    BinExport bin;
    if (field.isMapping()) {
      YamlMapping m = field.mapping(BIN_FIELDS);
      YamlField path = m.required("path");
      Optional<YamlField> as = m.optional("as");
      String pathText = parsed(path, () -> BinExport.path(path.string()));
      bin = parsed(as.orElse(path), () -> new BinExport(pathText, as.map(YamlField::string)));
    } else if (field.isString()) {
      bin = parsed(field, () -> BinExport.of(field.string()));
    } else {
      throw field.problem(
          "expected a path or a mapping of path and as, found " + YamlField.describe(field.node()),
          "Write /usr/bin/git, or {path: /usr/bin/vim, as: vim-dev}.");
    }
    YamlField earlier = commands.putIfAbsent(bin.command(), field);
    if (earlier != null) {
      throw field.problem(
          "the command "
              + bin.command()
              + " is already exported by "
              + earlier.path()
              + " (line "
              + earlier.line()
              + ")",
          "Give one of them another name with as: NAME.");
    }
    return bin;
  }

  private static <T> List<T> each(YamlField list, Function<YamlField, T> read) {
    List<T> out = new ArrayList<>();
    for (YamlField element : list.elements()) {
      out.add(read.apply(element));
    }
    return out;
  }

  /** A list without repeats: a repeated entry is a mistake, as a repeated key is. */
  private static <T> List<T> unique(List<T> values, YamlField list) {
    List<YamlField> elements = list.elements();
    for (int i = 0; i < values.size(); i++) {
      int first = values.indexOf(values.get(i));
      if (first != i) {
        throw elements
            .get(i)
            .problem(
                "listed twice (first on line " + elements.get(first).line() + ")",
                "Keep one of the two.");
      }
    }
    return values;
  }

  /**
   * Runs one of the core's checks ({@code BoxName.of}, {@code Volume.parse}, ...) and reports what
   * it refuses at the field's line.
   */
  private static <T> T parsed(YamlField field, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (AppboxException e) {
      if (e.getMessage().startsWith(field.file() + ":")) {
        throw e;
      }
      throw field.problem(sentence(e.getMessage()), e.hint());
    }
  }

  /** "Package name 'x' is not valid." as it reads after "file:line: field: ". */
  private static String sentence(String message) {
    String m = message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    return m.isEmpty() ? m : Character.toLowerCase(m.charAt(0)) + m.substring(1);
  }
}
