package io.appbox.core.engine;

import java.nio.file.Path;

/** A host path bound into the box. */
public record Mount(Path source, Path target, boolean readOnly) {}
