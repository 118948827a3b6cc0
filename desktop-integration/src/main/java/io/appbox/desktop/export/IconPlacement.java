package io.appbox.desktop.export;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.Quote;
import io.appbox.desktop.icon.HostIconThemes;
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
 * Puts a box's icon files into the user's hicolor theme without disturbing what is there, and
 * without overriding an icon of the host.
 *
 * <ul>
 *   <li>A file that is not there yet is written, and recorded as the export's.
 *   <li>A file already there with the same content is shared: it is recorded as the export's only
 *       when the record already lists it (another export created it), never when it is the user's,
 *       so removing the export never deletes a file appbox did not create. A shared file listed by
 *       several exports goes when the last of them is removed.
 *   <li>When any file is there with different content, or the host's themes or pixmaps already have
 *       an icon of that name (the user's icons come first in the lookup, so the box's would replace
 *       the host's for every application that uses it), the icon is renamed for the box, {@code
 *       appbox-BOX-NAME} ({@link ExportNames}), and {@code Icon=} follows the new name; if even
 *       that name is taken by a file appbox did not create, the entry is exported without an icon.
 * </ul>
 */
public final class IconPlacement {
  private final ExportFiles files;
  private final HostIconThemes hostThemes;

  /**
   * @param files the export directories, the icons among them
   * @param hostThemes the host's own icons, which an export never overrides
   */
  public IconPlacement(ExportFiles files, HostIconThemes hostThemes) {
    this.files = files;
    this.hostThemes = hostThemes;
  }

  /**
   * The icon as it ends up on the host.
   *
   * @param name the name for {@code Icon=}, or empty when the entry goes without an icon
   * @param files the files to list in the export record
   * @param created the files that did not exist before, to delete if the export fails later
   * @param warnings what the user should know
   */
  public record Placed(
      Optional<String> name, List<Path> files, List<Path> created, List<String> warnings) {
    public Placed {
      files = List.copyOf(files);
      created = List.copyOf(created);
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * Writes the icon's files; call it under the export record's lock with the files the record
   * lists, and record the files it returns.
   */
  public Placed place(IconSet icons, BoxName box, Set<Path> recordedFiles) {
    return place(icons, box, recordedFiles, Set.of());
  }

  /**
   * Like {@link #place(IconSet, BoxName, Set)}, when the export replaces an earlier export of the
   * same application: the files of that export ({@code replacing}) are its own to overwrite, and do
   * not make the icon need another name.
   */
  public Placed place(IconSet icons, BoxName box, Set<Path> recordedFiles, Set<Path> replacing) {
    Set<Path> recorded = normalised(recordedFiles);
    Set<Path> own = normalised(replacing);
    List<String> warnings = new ArrayList<>(icons.warnings());
    if (icons.isEmpty()) {
      warnings.add("No icon file named " + Quote.of(icons.name()) + " was found in the box.");
      return new Placed(Optional.empty(), List.of(), List.of(), warnings);
    }
    String name = icons.name();
    boolean hostHasIt = hostThemes.has(name);
    if (hostHasIt || anyDifferent(icons, name, own)) {
      String boxName = ExportNames.canQualify(name) ? ExportNames.qualified(box, name) : null;
      if (boxName == null
          || ExportNames.boxAndName(name).filter(n -> n.box().equals(box)).isPresent()
          || boxName.length() > IconReference.MAX_NAME_LENGTH
          || anyDifferent(icons, boxName, recorded)) {
        warnings.add(
            "Icon "
                + Quote.of(icons.name())
                + (hostHasIt
                    ? " is the name of one of the host's icons, and no name of the box's own is free;"
                    : " would replace files appbox did not create;")
                + " the entry is exported without it.");
        return new Placed(Optional.empty(), List.of(), List.of(), warnings);
      }
      name = boxName;
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
    return new Placed(Optional.of(name), record, written, warnings);
  }

  /**
   * True when a file of the icon under {@code name} is there with other content and is not one of
   * {@code replaceable}, the files this export may overwrite.
   */
  private boolean anyDifferent(IconSet icons, String name, Set<Path> replaceable) {
    for (IconFile f : icons.files()) {
      String rel = f.relativePath(name);
      if (!files.exists(ExportArea.ICONS, rel)) {
        continue;
      }
      Optional<byte[]> there = existing(rel);
      if (there.isPresent() && Arrays.equals(there.get(), f.content())) {
        continue;
      }
      if (!replaceable.contains(files.resolve(ExportArea.ICONS, rel))) {
        return true;
      }
    }
    return false;
  }

  private static Set<Path> normalised(Set<Path> paths) {
    return paths.stream()
        .map(p -> p.toAbsolutePath().normalize())
        .collect(Collectors.toUnmodifiableSet());
  }

  private Optional<byte[]> existing(String rel) {
    return files.read(ExportArea.ICONS, rel, IconLookup.MAX_ICON_BYTES);
  }
}
