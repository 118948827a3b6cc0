package io.appbox.cli;

import io.appbox.core.ImageRef;
import io.appbox.core.export.Export;
import io.appbox.core.export.ExportRegistry;
import io.appbox.core.host.XdgDirs;
import io.appbox.core.profile.Bootstrap;
import io.appbox.core.profile.DistroProfile;
import io.appbox.core.profile.PackageCommand;
import io.appbox.core.profile.PackageCommands;
import io.appbox.core.profile.ProfileCatalog;
import io.appbox.core.profile.ProgressFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** INTERIM: replaced by distro-profiles and desktop-integration as they land. */
final class Wiring {
  private Wiring() {}

  static ProfileCatalog profiles(XdgDirs dirs) {
    PackageCommand c = PackageCommand.of(true, "true");
    DistroProfile debian =
        new DistroProfile(
            "debian",
            "Debian 12",
            ImageRef.parse("docker.io/library/debian:bookworm"),
            Optional.of(
                new Bootstrap(
                    "mmdebstrap",
                    "bookworm",
                    "http://deb.debian.org/debian",
                    "apt",
                    List.of("sudo", "ca-certificates"))),
            new PackageCommands(
                c, c, c, c, c, c, c, c, c, c, c, c, Optional.empty(), ProgressFormat.NONE),
            Map.of(),
            DistroProfile.BUILT_IN);
    return new ProfileCatalog() {
      @Override
      public List<DistroProfile> all() {
        return List.of(debian);
      }

      @Override
      public Optional<DistroProfile> find(String id) {
        return id.equals("debian") ? Optional.of(debian) : Optional.empty();
      }
    };
  }

  static ExportRegistry exports(XdgDirs dirs) {
    List<Export> records = new ArrayList<>();
    return new ExportRegistry() {
      @Override
      public List<Export> all() {
        return List.copyOf(records);
      }

      @Override
      public List<Export> update(UnaryOperator<List<Export>> change) {
        List<Export> next = change.apply(List.copyOf(records));
        records.clear();
        records.addAll(next);
        return next;
      }
    };
  }
}
