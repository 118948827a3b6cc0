package io.appbox.core.box;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The record of every managed host command, shared by all appbox processes of the user, as the
 * export record is. Changes go through {@link #update}, under an exclusive lock.
 */
public interface HostCommandRecord {
  /** No record: for services that never keep one (unit tests). */
  HostCommandRecord NONE =
      new HostCommandRecord() {
        @Override
        public List<HostCommand> all() {
          return List.of();
        }

        @Override
        public List<HostCommand> update(UnaryOperator<List<HostCommand>> change) {
          return List.of();
        }
      };

  List<HostCommand> all();

  /** Applies {@code change} to the current records under the lock and stores the result. */
  List<HostCommand> update(UnaryOperator<List<HostCommand>> change);
}
