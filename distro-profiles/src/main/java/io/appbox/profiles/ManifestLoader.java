package io.appbox.profiles;

import io.appbox.core.AppboxException;
import io.appbox.core.ErrorCode;
import io.appbox.core.Quote;
import io.appbox.core.manifest.Manifest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a manifest ({@code appbox apply -f}). A malformed one is refused with an {@link
 * AppboxException} ({@code INVALID_INPUT}) whose message reads {@code file:line: field: problem},
 * before anything is changed.
 */
public final class ManifestLoader {
  /** The largest manifest appbox reads, from a file or a URL: 1 MiB. */
  public static final int MAX_BYTES = ManifestYaml.MAX_BYTES;

  private ManifestLoader() {}

  /**
   * @param userHome what {@code ~} in paths stands for
   */
  public static Manifest load(Path file, Path userHome) {
    String label = file.toString();
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (NoSuchFileException e) {
      throw AppboxException.invalid(
          "There is no manifest file " + Quote.of(label) + ".", "Check the path given to -f.");
    } catch (IOException e) {
      throw new AppboxException(
          ErrorCode.FAILED,
          "Cannot read manifest " + label + ": " + e.getMessage(),
          "Check that the file is readable.",
          e);
    }
    return load(bytes, label, userHome);
  }

  /**
   * Reads a manifest from its bytes, such as a download.
   *
   * @param label names the manifest in messages, as a file name or URL
   * @param userHome what {@code ~} in paths stands for
   */
  public static Manifest load(byte[] bytes, String label, Path userHome) {
    YamlField root = YamlDocument.compose(bytes, label, ManifestYaml.FORMAT);
    return ManifestTranslator.translate(root, userHome);
  }
}
