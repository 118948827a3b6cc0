package io.appbox.cli.json;

import io.appbox.core.manifest.Manifest;
import java.util.Map;
import java.util.Optional;

/**
 * A manifest as {@code appbox export-manifest --json} shows it: the layout of the file ({@code
 * types.schema.json#/$defs/manifest}), with paths as they are, not {@code ~/...}.
 */
public final class ManifestJson {
  private ManifestJson() {}

  public static Map<String, Object> of(Manifest manifest) {
    return manifest.document(Optional.empty());
  }
}
