package io.appbox.profiles;

import io.appbox.core.AppboxException;
import io.appbox.core.ErrorCode;
import io.appbox.core.ImageRef;
import io.appbox.core.Meanwhile;
import io.appbox.core.Quote;
import io.appbox.core.profile.DistroProfile;
import io.appbox.core.profile.ProfileCatalog;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The distro profiles appbox knows: the built-in ones, replaced or joined by the user's own files
 * ({@code $XDG_CONFIG_HOME/appbox/profiles/ID.yaml}), with the images the user's config overrides.
 *
 * <p>Nothing is read until asked, and {@link #find} reads only the one profile it is asked for, so
 * that a command about one distro costs one small file. A malformed file is reported whenever it is
 * read: {@link #all} refuses if any profile is malformed, {@link #find} only if the one asked for
 * is.
 */
public final class ProfileRepository implements ProfileCatalog {
  private final BuiltinProfiles builtins = new BuiltinProfiles();
  private final UserProfiles userProfiles;
  private final Map<String, ImageRef> imageOverrides;
  private final Map<String, Optional<DistroProfile>> found = new HashMap<>();
  private List<DistroProfile> all;

  /**
   * @param userDirectory where the user's profiles are; it need not exist
   * @param imageOverrides per profile id, the image to use instead of the profile's; each must be
   *     fully qualified
   */
  public ProfileRepository(Path userDirectory, Map<String, ImageRef> imageOverrides) {
    this.userProfiles = new UserProfiles(Objects.requireNonNull(userDirectory, "userDirectory"));
    for (Map.Entry<String, ImageRef> override : imageOverrides.entrySet()) {
      if (!override.getValue().isFullyQualified()) {
        throw AppboxException.invalid(
            "The image for "
                + Quote.of(override.getKey())
                + ", "
                + Quote.of(override.getValue().toString())
                + ", does not name its registry.",
            "Give a fully qualified reference such as docker.io/library/debian:bookworm.");
      }
    }
    this.imageOverrides = Map.copyOf(imageOverrides);
  }

  /** The user's profile directory under a config home such as {@code $XDG_CONFIG_HOME}. */
  public static Path userDirectory(Path configHome) {
    return configHome.resolve("appbox").resolve("profiles");
  }

  /** Every profile, sorted by id; a user's profile takes the place of a built-in one. */
  @Override
  public synchronized List<DistroProfile> all() {
    if (all == null) {
      // The user's first: a built-in they replace is never read.
      Map<String, DistroProfile> byId = new TreeMap<>();
      for (DistroProfile profile : userProfiles.loadAll()) {
        byId.put(profile.id(), profile);
      }
      for (String id : builtins.ids()) {
        if (!byId.containsKey(id)) {
          builtins.load(id).ifPresent(profile -> byId.put(id, profile));
        }
      }
      all = byId.values().stream().map(this::withImageOverride).toList();
    }
    return all;
  }

  @Override
  public synchronized Optional<DistroProfile> find(String id) {
    // An id that is not one cannot name a file either; "../x" must not reach the file system.
    if (id == null || !ProfileTranslator.ID.matcher(id).matches()) {
      return Optional.empty();
    }
    Optional<DistroProfile> profile = found.get(id);
    if (profile == null) {
      profile = userProfiles.load(id).or(() -> builtins.load(id)).map(this::withImageOverride);
      found.put(id, profile);
    }
    return profile;
  }

  /**
   * Reading and checking a profile's YAML takes some 10 ms; {@link #find} holds this repository's
   * lock while it reads, so it waits for the read started here. A malformed profile is reported by
   * that {@code find}, which reads it again.
   */
  @Override
  public void readAhead(String id) {
    Meanwhile.start("profile", () -> find(id));
  }

  /** The profile, or a {@code PROFILE_NOT_FOUND} error that names the ones there are. */
  public DistroProfile require(String id) {
    return find(id)
        .orElseThrow(
            () ->
                new AppboxException(
                    ErrorCode.PROFILE_NOT_FOUND,
                    "No distro profile " + Quote.of(id) + ".",
                    "Known distros: "
                        + String.join(", ", knownIds())
                        + (ProfileTranslator.ID.matcher(id).matches()
                            ? ". Add your own as " + userProfiles.directory().resolve(id + ".yaml")
                            : ". Add your own in " + userProfiles.directory())
                        + "."));
  }

  /** Ids by file name only, cheap enough for a hint. */
  private List<String> knownIds() {
    TreeSet<String> ids = new TreeSet<>(builtins.ids());
    ids.addAll(userProfiles.ids());
    return List.copyOf(ids);
  }

  private DistroProfile withImageOverride(DistroProfile profile) {
    ImageRef override = imageOverrides.get(profile.id());
    return override == null ? profile : profile.withImage(override);
  }
}
