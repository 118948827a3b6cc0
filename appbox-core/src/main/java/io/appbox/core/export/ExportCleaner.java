package io.appbox.core.export;

import io.appbox.core.BoxName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Deletes exactly the host files recorded for exports, then forgets those exports. */
public final class ExportCleaner {
  private final ExportRegistry registry;

  public ExportCleaner(ExportRegistry registry) {
    this.registry = registry;
  }

  public List<Export> removeAllFrom(String engine, BoxName box) {
    return remove(e -> e.isFrom(engine, box));
  }

  /** Removes every export matching {@code which}; returns the ones removed. */
  public List<Export> remove(Predicate<Export> which) {
    List<Export> removed = new ArrayList<>();
    registry.update(
        current -> {
          removed.clear();
          List<Export> kept = new ArrayList<>();
          for (Export e : current) {
            if (which.test(e)) {
              deleteFiles(e);
              removed.add(e);
            } else {
              kept.add(e);
            }
          }
          return kept;
        });
    return removed;
  }

  private static void deleteFiles(Export e) {
    for (Path file : e.files()) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ex) {
        throw new UncheckedIOException("could not remove " + file, ex);
      }
    }
  }
}
