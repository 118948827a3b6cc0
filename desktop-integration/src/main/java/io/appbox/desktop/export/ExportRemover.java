package io.appbox.desktop.export;

import io.appbox.core.AppboxException;
import io.appbox.core.ErrorCode;
import io.appbox.core.export.Export;
import io.appbox.core.export.ExportRegistry;
import io.appbox.core.export.ExportRemoval;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Removes exports and the files they wrote, except files a remaining export still lists (a shared
 * icon stays until its last export goes), and only inside the export directories.
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
          Set<Path> gone = new HashSet<>();
          for (Export e : current) {
            if (which.test(e)) {
              removed.add(e);
              gone.addAll(e.files());
            } else {
              kept.add(e);
            }
          }
          deleteUnlisted(files, gone, List.of(), kept);
          return kept;
        });
    return removed;
  }

  /**
   * Deletes the candidates that neither {@code keep} nor a remaining export lists. A recorded path
   * outside the export directories is left alone: appbox never deletes what it would not have
   * written.
   */
  static void deleteUnlisted(
      ExportFiles files, Collection<Path> candidates, List<Path> keep, List<Export> kept) {
    Set<Path> listed = new HashSet<>(keep);
    kept.forEach(e -> listed.addAll(e.files()));
    for (Path file : candidates) {
      if (!listed.contains(file)) {
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
