package io.appbox.profiles;

import io.appbox.core.AppboxException;
import io.appbox.core.ErrorCode;
import io.appbox.core.profile.DistroProfile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The profiles shipped inside appbox, as resources. An index lists them, so that finding one does
 * not mean scanning the jar, and loading one reads only its own file.
 */
final class BuiltinProfiles {
  static final String DIRECTORY = "/io/appbox/profiles/builtin/";
  static final String INDEX = DIRECTORY + "index";

  private List<String> ids;

  /** The ids of the built-in profiles, in the index's order. */
  synchronized List<String> ids() {
    if (ids == null) {
      ids = readIndex();
    }
    return ids;
  }

  Optional<DistroProfile> load(String id) {
    if (!ids().contains(id)) {
      return Optional.empty();
    }
    String resource = DIRECTORY + id + ProfileLoader.SUFFIX;
    InputStream in = open(resource);
    byte[] bytes = ProfileLoader.read(in, resource);
    return Optional.of(
        ProfileLoader.load(bytes, resource.substring(1), DistroProfile.BUILT_IN, Optional.of(id)));
  }

  private static List<String> readIndex() {
    List<String> ids = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(open(INDEX), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String id = line.strip();
        if (!id.isEmpty() && !id.startsWith("#")) {
          ids.add(id);
        }
      }
    } catch (IOException e) {
      throw broken(INDEX, e);
    }
    return List.copyOf(ids);
  }

  private static InputStream open(String resource) {
    InputStream in = BuiltinProfiles.class.getResourceAsStream(resource);
    if (in == null) {
      throw broken(resource, null);
    }
    return in;
  }

  private static AppboxException broken(String resource, Exception cause) {
    return new AppboxException(
        ErrorCode.FAILED,
        "The built-in profile resource " + resource + " is missing or unreadable.",
        "The appbox installation is damaged; reinstall it.",
        cause);
  }
}
