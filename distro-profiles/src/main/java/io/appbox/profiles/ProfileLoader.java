package io.appbox.profiles;

import io.appbox.core.AppboxException;
import io.appbox.core.ErrorCode;
import io.appbox.core.Quote;
import io.appbox.core.profile.DistroProfile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads one distro profile, from a file or a stream. A malformed profile is refused with an {@link
 * AppboxException} ({@code INVALID_INPUT}) whose message reads {@code file:line: field: problem}.
 */
public final class ProfileLoader {
  static final String SUFFIX = ".yaml";

  private ProfileLoader() {}

  /**
   * Reads a profile file. Its id must be its file name without {@code .yaml}, so that a lookup by
   * id needs to open only that one file.
   */
  public static DistroProfile load(Path file) {
    String label = file.toString();
    String name = file.getFileName().toString();
    if (!name.endsWith(SUFFIX)) {
      throw YamlProblem.inFile(
          label,
          "a profile's file name ends in .yaml",
          "Rename it to " + stem(name) + SUFFIX + ".");
    }
    byte[] bytes = read(file);
    return load(
        bytes, label, label, Optional.of(name.substring(0, name.length() - SUFFIX.length())));
  }

  /**
   * Reads a profile from a stream, with no file name to check the id against.
   *
   * @param label names the stream in messages, as a file name would
   * @param source recorded in {@link DistroProfile#source()}
   */
  public static DistroProfile load(InputStream in, String label, String source) {
    return load(read(in, label), label, source, Optional.empty());
  }

  static DistroProfile load(
      byte[] bytes, String label, String source, Optional<String> expectedId) {
    YamlField root = ProfileYaml.compose(bytes, label);
    return ProfileTranslator.translate(root, source, expectedId);
  }

  static byte[] read(InputStream in, String label) {
    try (in) {
      // One byte past the limit is enough to know the file is too large.
      return in.readNBytes(ProfileYaml.MAX_BYTES + 1);
    } catch (IOException e) {
      throw new AppboxException(
          ErrorCode.FAILED,
          "Cannot read profile " + label + ": " + e.getMessage(),
          "Check that the file is readable.",
          e);
    }
  }

  private static byte[] read(Path file) {
    try {
      return read(Files.newInputStream(file), file.toString());
    } catch (NoSuchFileException e) {
      throw new AppboxException(
          ErrorCode.PROFILE_NOT_FOUND,
          "No profile file " + Quote.of(file.toString()) + ".",
          "Check the path.");
    } catch (IOException e) {
      throw new AppboxException(
          ErrorCode.FAILED,
          "Cannot read profile " + file + ": " + e.getMessage(),
          "Check that the file is readable.",
          e);
    }
  }

  private static String stem(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
