package io.appbox.profiles;

import io.appbox.core.AppboxException;
import io.appbox.core.ErrorCode;
import io.appbox.core.profile.DistroProfile;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The user's own profiles, one {@code ID.yaml} file each in a directory that may not exist. A
 * lookup by id opens just that file.
 */
final class UserProfiles {
  private final Path directory;

  UserProfiles(Path directory) {
    this.directory = directory;
  }

  Path directory() {
    return directory;
  }

  Optional<DistroProfile> load(String id) {
    Path file = directory.resolve(id + ProfileLoader.SUFFIX);
    refuseYml(directory.resolve(id + ".yml"));
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    return Optional.of(ProfileLoader.load(file));
  }

  List<DistroProfile> loadAll() {
    List<DistroProfile> profiles = new ArrayList<>();
    for (Path file : files()) {
      profiles.add(ProfileLoader.load(file));
    }
    return profiles;
  }

  /** The ids the file names promise, without reading the files. */
  List<String> ids() {
    List<String> ids = new ArrayList<>();
    for (Path file : files()) {
      String name = file.getFileName().toString();
      ids.add(name.substring(0, name.length() - ProfileLoader.SUFFIX.length()));
    }
    return ids;
  }

  /** Profile files, sorted by name; editor back-ups and hidden files are not profiles. */
  private List<Path> files() {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (name.startsWith(".") || !Files.isRegularFile(entry)) {
          continue;
        }
        refuseYml(entry);
        if (name.endsWith(ProfileLoader.SUFFIX)) {
          files.add(entry);
        }
      }
    } catch (NoSuchFileException | NotDirectoryException e) {
      return List.of();
    } catch (IOException e) {
      throw new AppboxException(
          ErrorCode.FAILED,
          "Cannot list the profiles in " + directory + ": " + e.getMessage(),
          "Check that the directory is readable.",
          e);
    }
    files.sort(null);
    return files;
  }

  /** A {@code .yml} file would be silently ignored, which is worse than saying so. */
  private static void refuseYml(Path file) {
    String name = file.getFileName().toString();
    if (name.endsWith(".yml") && Files.isRegularFile(file)) {
      throw YamlProblem.inFile(
          file.toString(),
          "profile files end in .yaml, so this one would be ignored",
          "Rename it to " + name.substring(0, name.length() - 4) + ProfileLoader.SUFFIX + ".");
    }
  }
}
