package io.appbox.profiles;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ErrorCode;
import io.appbox.core.Quote;
import io.appbox.core.manifest.BoxSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Presets, apx's "stacks": {@code $XDG_CONFIG_HOME/appbox/presets/NAME.yaml}, each one box's
 * section of a manifest (distro, image, home, volumes, init, entry, packages, export), which {@code
 * create NEW --preset NAME} makes NEW as.
 */
public final class PresetLoader {
  /** A preset's name: its file's name without {@code .yaml}. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private static final YamlFormat FORMAT =
      new YamlFormat(
          "preset",
          64 * 1024,
          ManifestYaml.MAX_ALIASES,
          "Fix the preset at that line; a preset has the fields of one box of a manifest"
              + " (docs/manifest.md).",
          "distro, image, packages or another field of a box");

  private PresetLoader() {}

  /** The presets in {@code dir}, by name; a missing directory has none. */
  public static List<String> names(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files
          .map(f -> f.getFileName().toString())
          .filter(f -> f.endsWith(".yaml"))
          .map(f -> f.substring(0, f.length() - ".yaml".length()))
          .filter(n -> NAME.matcher(n).matches())
          .sorted()
          .forEach(names::add);
    } catch (IOException e) {
      throw new AppboxException(
          ErrorCode.FAILED,
          "Cannot list the presets in " + dir + ": " + e.getMessage(),
          "Check that the directory is readable.",
          e);
    }
    return names;
  }

  /** The preset {@code name} in {@code dir}, as the box {@code box}. */
  public static BoxSpec load(Path dir, String name, BoxName box, Path userHome) {
    if (!NAME.matcher(name).matches()) {
      throw AppboxException.invalid(
          Quote.of(name) + " is not a preset name.",
          "Name a preset by its file name without .yaml: appbox presets lists them.");
    }
    Path file = dir.resolve(name + ".yaml");
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(FORMAT.maxBytes() + 1);
    } catch (NoSuchFileException e) {
      throw new AppboxException(
          ErrorCode.PROFILE_NOT_FOUND,
          "There is no preset " + Quote.of(name) + " (" + file + ").",
          "See the presets: appbox presets");
    } catch (IOException e) {
      throw new AppboxException(
          ErrorCode.FAILED,
          "Cannot read preset " + file + ": " + e.getMessage(),
          "Check that the file is readable.",
          e);
    }
    YamlField root = YamlDocument.compose(bytes, file.toString(), FORMAT);
    return ManifestTranslator.box(box, root, userHome);
  }
}
