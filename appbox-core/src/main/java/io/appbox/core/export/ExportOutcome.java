package io.appbox.core.export;

import io.appbox.core.exported.Export;
import java.util.List;

/** An export recorded, and what the user should be told about it. */
public record ExportOutcome(Export export, List<String> warnings) {
  public ExportOutcome {
    warnings = List.copyOf(warnings);
  }
}
