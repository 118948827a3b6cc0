package io.appbox.core.export;

import io.appbox.core.BoxName;
import java.util.List;
import java.util.function.Predicate;

/** Removes exports: their records, and exactly the host files no other export still needs. */
public interface ExportRemoval {
  /** Removes every export matching {@code which}; returns the ones removed. */
  List<Export> remove(Predicate<Export> which);

  default List<Export> removeAllFrom(String engine, BoxName box) {
    return remove(e -> e.isFrom(engine, box));
  }
}
