package io.appbox.desktop.export;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.Quote;
import io.appbox.desktop.icon.IconFile;
import io.appbox.desktop.icon.IconLookup;
import io.appbox.desktop.icon.IconReference;
import io.appbox.desktop.icon.IconSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Puts a box's icon files into the host's hicolor theme without disturbing what is there.
 *
 * <ul>
 *   <li>A file that is not there yet is written, and recorded as the export's.
 *   <li>A file already there with the same content is shared: it is recorded as the export's only
 *       when the record already lists it (another export created it), never when it is the user's,
 *       so removing the export never deletes a file appbox did not create. A shared file listed by
 *       several exports goes when the last of them is removed.
 *   <li>When any file is there with different content, the icon is renamed for the box, {@code
 *       appbox-BOX-NAME}, and {@code Icon=} follows the new name; if even that name is taken by a
 *       file appbox did not create, the entry is exported without an icon.
 * </ul>
 */
public final class IconPlacement {
  private final ExportFiles files;

  public IconPlacement(ExportFiles files) {
    this.files = files;
  }

  /**
   * The icon as it ends up on the host.
   *
   * @param name the name for {@code Icon=}, or empty when the entry goes without an icon
   * @param files the files to list in the export record
   * @param warnings what the user should know
   */
  public record Placed(Optional<String> name, List<Path> files, List<String> warnings) {
    public Placed {
      files = List.copyOf(files);
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * Writes the icon's files; call it under the export record's lock with the files the record
   * lists, and record the files it returns.
   */
  public Placed place(IconSet icons, BoxName box, Set<Path> recordedFiles) {
    Set<Path> recorded =
        recordedFiles.stream()
            .map(p -> p.toAbsolutePath().normalize())
            .collect(Collectors.toUnmodifiableSet());
    List<String> warnings = new ArrayList<>(icons.warnings());
    if (icons.isEmpty()) {
      warnings.add("No icon file named " + Quote.of(icons.name()) + " was found in the box.");
      return new Placed(Optional.empty(), List.of(), warnings);
    }
    String name = icons.name();
    if (anyDifferent(icons, name, recorded, true)) {
      String own = "appbox-" + box + "-" + icons.name();
      if (name.startsWith("appbox-" + box + "-")
          || own.length() > IconReference.MAX_NAME_LENGTH
          || anyDifferent(icons, own, recorded, false)) {
        warnings.add(
            "Icon "
                + Quote.of(icons.name())
                + " would replace files appbox did not create; the entry is exported without it.");
        return new Placed(Optional.empty(), List.of(), warnings);
      }
      name = own;
    }
    List<Path> written = new ArrayList<>();
    List<Path> record = new ArrayList<>();
    try {
      for (IconFile f : icons.files()) {
        String rel = f.relativePath(name);
        Path target = files.resolve(ExportArea.ICONS, rel);
        Optional<byte[]> there = existing(rel);
        if (there.isPresent() && Arrays.equals(there.get(), f.content())) {
          if (recorded.contains(target)) {
            record.add(target);
          }
          continue;
        }
        boolean existed = files.exists(ExportArea.ICONS, rel);
        files.write(ExportArea.ICONS, rel, f.content(), recorded);
        if (!existed) {
          written.add(target);
        }
        record.add(target);
      }
    } catch (AppboxException e) {
      // Leave no file behind that the record will not list.
      written.forEach(files::delete);
      throw e;
    }
    return new Placed(Optional.of(name), record, warnings);
  }

  /**
   * True when a file of the icon under {@code name} is there with other content; with {@code
   * evenRecorded} false, files the record lists do not count (they are this box's, and replaced).
   */
  private boolean anyDifferent(
      IconSet icons, String name, Set<Path> recorded, boolean evenRecorded) {
    for (IconFile f : icons.files()) {
      String rel = f.relativePath(name);
      if (!files.exists(ExportArea.ICONS, rel)) {
        continue;
      }
      Optional<byte[]> there = existing(rel);
      if (there.isPresent() && Arrays.equals(there.get(), f.content())) {
        continue;
      }
      if (evenRecorded || !recorded.contains(files.resolve(ExportArea.ICONS, rel))) {
        return true;
      }
    }
    return false;
  }

  private Optional<byte[]> existing(String rel) {
    return files.read(ExportArea.ICONS, rel, IconLookup.MAX_ICON_BYTES);
  }
}
