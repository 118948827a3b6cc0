package io.appbox.desktop.export;

import io.appbox.core.AppboxException;
import io.appbox.core.ErrorCode;
import io.appbox.core.exported.Export;
import io.appbox.core.exported.ExportRegistry;
import io.appbox.core.exported.ExportRemoval;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Removes exports and the files they wrote, except files a remaining export still lists (a shared
 * icon stays until its last export goes), files that no longer carry the export's marks (written
 * over by another export or by the user), and anything outside the export directories.
 */
public final class ExportRemover implements ExportRemoval {
  private final ExportRegistry registry;
  private final ExportFiles files;

  public ExportRemover(ExportRegistry registry, ExportFiles files) {
    this.registry = registry;
    this.files = files;
  }

  @Override
  public List<Export> remove(Predicate<Export> which) {
    List<Export> removed = new ArrayList<>();
    registry.update(
        current -> {
          removed.clear();
          List<Export> kept = new ArrayList<>();
          for (Export e : current) {
            if (which.test(e)) {
              removed.add(e);
            } else {
              kept.add(e);
            }
          }
          deleteUnlisted(files, removed, List.of(), kept);
          return kept;
        });
    return removed;
  }

  @Override
  public List<Path> overwritten(Export export) {
    ExportMarks marks = new ExportMarks(files);
    return export.files().stream().filter(f -> !marks.carries(export, f)).toList();
  }

  /**
   * Deletes the files of the exports that go, except those in {@code keep}, those a remaining
   * export lists and that carry its marks, and those that no longer carry the marks of the export
   * that goes. A recorded path outside the export directories is left alone: appbox never deletes
   * what it would not have written.
   */
  static void deleteUnlisted(
      ExportFiles files, Collection<Export> gone, List<Path> keep, List<Export> kept) {
    ExportMarks marks = new ExportMarks(files);
    Set<Path> keeping = new HashSet<>(keep);
    Set<Path> done = new HashSet<>();
    for (Export going : gone) {
      for (Path file : going.files()) {
        if (keeping.contains(file) || !done.add(file) || !marks.carries(going, file)) {
          continue;
        }
        boolean stillListed =
            kept.stream().anyMatch(e -> e.files().contains(file) && marks.carries(e, file));
        if (stillListed) {
          continue;
        }
        try {
          files.delete(file);
        } catch (AppboxException e) {
          if (e.code() != ErrorCode.INVALID_INPUT) {
            throw e;
          }
        }
      }
    }
  }
}
