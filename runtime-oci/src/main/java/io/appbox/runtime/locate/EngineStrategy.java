package io.appbox.runtime.locate;

import java.util.Optional;

/** One way of finding an engine; says why when it does not apply. */
interface EngineStrategy {
  /** What this strategy tries, for the user: "rootless Podman socket /run/user/1000/...". */
  String describe();

  /** The socket to use, or empty with the reason recorded in {@code why}. */
  Optional<Candidate> find(StringBuilder why);

  /** The socket {@link #find} would ask, when it asks one that is known without asking. */
  default Optional<java.nio.file.Path> asks() {
    return Optional.empty();
  }
}
