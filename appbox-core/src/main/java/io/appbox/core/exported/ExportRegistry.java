package io.appbox.core.exported;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The record of every export, shared by all appbox processes of the user. Changes go through {@link
 * #update}, which holds an exclusive lock across read, change and atomic write, so two processes
 * never lose each other's records.
 */
public interface ExportRegistry {
  List<Export> all();

  /** Applies {@code change} to the current records under the lock and stores the result. */
  List<Export> update(UnaryOperator<List<Export>> change);
}
