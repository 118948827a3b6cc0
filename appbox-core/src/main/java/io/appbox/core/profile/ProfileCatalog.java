package io.appbox.core.profile;

import java.util.List;
import java.util.Optional;

/** The distro profiles known: built-in ones, overridden or extended by the user's. */
public interface ProfileCatalog {
  List<DistroProfile> all();

  Optional<DistroProfile> find(String id);

  /**
   * Starts reading the profile {@code id} on a thread of its own, for a caller that will ask for it
   * once it has done something else; {@link #find} then waits for that read, or reads it itself.
   */
  default void readAhead(String id) {}

  /** The profile, or PROFILE_NOT_FOUND naming the distros there are. */
  default DistroProfile require(String id) {
    return find(id)
        .orElseThrow(
            () ->
                new io.appbox.core.AppboxException(
                    io.appbox.core.ErrorCode.PROFILE_NOT_FOUND,
                    "There is no distro profile " + io.appbox.core.Quote.of(id) + ".",
                    "See the profiles there are: appbox profiles"));
  }
}
