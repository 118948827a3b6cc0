package io.appbox.core.exported;

import io.appbox.core.BoxName;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/** Removes exports: their records, and exactly the host files no other export still needs. */
public interface ExportRemoval {
  /** Removes every export matching {@code which}; returns the ones removed. */
  List<Export> remove(Predicate<Export> which);

  default List<Export> removeAllFrom(String engine, BoxName box) {
    return remove(e -> e.isFrom(engine, box));
  }

  /**
   * The export's files that are there but no longer carry its box and name, because another export
   * or the user wrote over them. Removing the export leaves them alone. A removal that reads no
   * marks finds none.
   */
  default List<Path> overwritten(Export export) {
    return List.of();
  }
}
