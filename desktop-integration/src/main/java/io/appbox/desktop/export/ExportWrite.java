package io.appbox.desktop.export;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ErrorCode;
import io.appbox.core.Quote;
import io.appbox.core.export.LauncherScript;
import io.appbox.core.exported.Export;
import io.appbox.core.exported.ExportKind;
import io.appbox.core.exported.ExportRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One export written under the export record's lock: it sees which files the record lists, replaces
 * an earlier export of the same thing, and deletes the files it created when it fails, so a failed
 * export leaves nothing behind.
 */
final class ExportWrite {
  /** Launchers are small scripts; a larger file there is not one appbox wrote. */
  static final int MAX_LAUNCHER_BYTES = 1 << 20;

  private final ExportFiles files;
  private final BoxName box;
  private final Set<Path> recorded = new HashSet<>();
  private final Set<Path> replacing = new HashSet<>();
  private final List<Export> replaced = new ArrayList<>();
  private final List<Export> kept = new ArrayList<>();
  private final List<Path> created = new ArrayList<>();

  private ExportWrite(
      ExportFiles files, BoxName box, List<Export> current, Predicate<Export> replaces) {
    this.files = files;
    this.box = box;
    for (Export e : current) {
      recorded.addAll(normalised(e.files()));
      if (replaces.test(e)) {
        replacing.addAll(normalised(e.files()));
        replaced.add(e);
      } else {
        kept.add(e);
      }
    }
  }

  /**
   * Runs {@code write} under the record's lock and records the export it returns in place of the
   * exports {@code replaces} matches. Files of the replaced exports that neither the new export nor
   * another export lists are deleted.
   */
  static Export apply(
      ExportRegistry registry,
      ExportFiles files,
      BoxName box,
      Predicate<Export> replaces,
      Function<ExportWrite, Export> write) {
    Export[] done = new Export[1];
    ExportWrite[] written = new ExportWrite[1];
    try {
      registry.update(
          current -> {
            ExportWrite w = new ExportWrite(files, box, current, replaces);
            try {
              Export export = w.recordAs(write.apply(w));
              ExportRemover.deleteUnlisted(files, w.replaced, export.files(), w.kept);
              List<Export> next = new ArrayList<>(w.kept);
              next.add(export);
              done[0] = export;
              written[0] = w;
              return next;
            } catch (RuntimeException e) {
              w.undo(e);
              throw e;
            }
          });
    } catch (RuntimeException e) {
      if (written[0] != null) {
        written[0].undo(e); // the files were written but the record could not be
      }
      throw e;
    }
    return done[0];
  }

  /** Every file the export record lists, normalised. */
  Set<Path> recorded() {
    return recorded;
  }

  /** The files of the export being replaced, which the new export may overwrite. */
  Set<Path> replacing() {
    return replacing;
  }

  /**
   * The export, other than the one being replaced, that lists {@code file} and whose marks the file
   * carries; empty when there is none.
   */
  Optional<Export> otherOwner(Path file) {
    Path normal = file.toAbsolutePath().normalize();
    ExportMarks marks = new ExportMarks(files);
    return kept.stream()
        .filter(e -> normalised(e.files()).contains(normal) && marks.carries(e, normal))
        .findFirst();
  }

  /**
   * Refuses a file that another export lists and that still carries that export's marks: two
   * exports never share a desktop entry or a command.
   *
   * @throws AppboxException {@code EXPORT_CONFLICT} naming the other export
   */
  void requireNoOtherOwner(Path file) {
    Optional<Export> owner = otherOwner(file);
    if (owner.isEmpty()) {
      return;
    }
    Export other = owner.get();
    String unexport =
        "appbox unexport --box "
            + other.box()
            + (other.kind() == ExportKind.BIN ? " --bin " : " --app ")
            + other.name();
    boolean olderName =
        other.kind() == ExportKind.APP
            && !file.getFileName()
                .toString()
                .equals(ExportedEntry.fileName(other.box(), other.name()));
    throw new AppboxException(
        ErrorCode.EXPORT_CONFLICT,
        Quote.of(file.toString())
            + " is already exported from box "
            + other.box()
            + " as "
            + Quote.of(other.name())
            + ".",
        olderName
            ? "An older appbox gave it that name. Export it again to move it to its own name"
                + " (appbox export --box "
                + other.box()
                + " --app "
                + other.name()
                + "), or unexport it ("
                + unexport
                + "); then export this one."
            : "Unexport it first ("
                + unexport
                + ")"
                + (other.kind() == ExportKind.BIN
                    ? ", or export under another name with --as NAME."
                    : "."));
  }

  /**
   * Writes a file that may replace only {@code replaceable} files.
   *
   * @see ExportFiles#write
   */
  Path write(ExportArea area, String relative, byte[] content, Set<Path> replaceable) {
    boolean existed = files.exists(area, relative);
    Set<Path> allowed = replaceable;
    Path target = files.resolve(area, relative);
    if (existed && !replaceable.contains(target) && leftByInterruptedExport(area, relative)) {
      allowed = new HashSet<>(replaceable);
      allowed.add(target);
    }
    Path file = files.write(area, relative, content, allowed);
    if (!existed) {
      created.add(file);
    }
    return file;
  }

  /**
   * Whether an unrecorded file is one appbox wrote for this box in an export that was killed before
   * its record was saved: appbox's own launcher, a desktop entry carrying {@code X-Appbox-Box} of
   * this box, a command script whose header names this box. Such a file is replaced; anything else
   * is the user's and never is.
   */
  private boolean leftByInterruptedExport(ExportArea area, String relative) {
    Optional<byte[]> head = files.read(area, relative, MAX_LAUNCHER_BYTES);
    if (head.isEmpty()) {
      return false;
    }
    String text = new String(head.get(), java.nio.charset.StandardCharsets.UTF_8);
    return switch (area) {
      // appbox's own directory: nothing but its launchers is ever there.
      case LAUNCHERS -> true;
      case APPLICATIONS ->
          ExportNames.boxAndName(relative.replaceFirst("\\.desktop$", ""))
                  .filter(owner -> owner.box().equals(box))
                  .isPresent()
              && text.contains("\nX-Appbox-Box=" + box + "\n");
      // "from box BOX (package P)." or, when the package is unknown, "from box BOX."
      case BIN ->
          text.startsWith("#!/bin/sh\n# appbox: ")
              && (text.contains(" from box " + box + " (")
                  || text.contains(" from box " + box + ". "));
      case ICONS -> false;
    };
  }

  /** Notes files that another writer created for this export, to delete if it fails. */
  void created(Collection<Path> paths) {
    created.addAll(paths);
  }

  /**
   * Writes the box's launcher when it is missing or differs, and returns its path. The launcher is
   * shared by every export of the box: each lists it, so it goes with the last of them. An existing
   * launcher that no export lists is someone else's file ({@code EXPORT_CONFLICT}).
   */
  Path launcher(LauncherScript launcher) {
    String relative = launcher.relativePath();
    Path path = files.resolve(ExportArea.LAUNCHERS, relative);
    byte[] content = launcher.content();
    Optional<byte[]> there = files.read(ExportArea.LAUNCHERS, relative, MAX_LAUNCHER_BYTES);
    if (recorded.contains(path)
        && there.isPresent()
        && Arrays.equals(there.get(), content)
        && Files.isExecutable(path)) {
      return path;
    }
    return write(ExportArea.LAUNCHERS, relative, content, recorded);
  }

  private Export recordAs(Export export) {
    return new Export(
        export.box(),
        export.engine(),
        export.kind(),
        export.name(),
        export.pkg(),
        export.source(),
        normalised(export.files()).stream().distinct().toList(),
        export.created());
  }

  private void undo(RuntimeException failure) {
    for (Path file : created) {
      try {
        files.delete(file);
      } catch (RuntimeException cleanup) {
        failure.addSuppressed(cleanup);
      }
    }
    created.clear();
  }

  private static List<Path> normalised(Collection<Path> paths) {
    return paths.stream().map(p -> p.toAbsolutePath().normalize()).toList();
  }
}
