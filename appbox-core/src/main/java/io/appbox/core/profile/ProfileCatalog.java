package io.appbox.core.profile;

import java.util.List;
import java.util.Optional;

/** The distro profiles known: built-in ones, overridden or extended by the user's. */
public interface ProfileCatalog {
  List<DistroProfile> all();

  Optional<DistroProfile> find(String id);
}
