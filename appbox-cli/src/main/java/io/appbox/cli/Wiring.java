package io.appbox.cli;

import io.appbox.core.export.Export;
import io.appbox.core.export.ExportRegistry;
import io.appbox.core.host.XdgDirs;
import io.appbox.core.profile.ProfileCatalog;
import io.appbox.profiles.ProfileRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Which adapter serves each port. INTERIM for exports: desktop-integration's record replaces it.
 */
final class Wiring {
  private Wiring() {}

  static ProfileCatalog profiles(XdgDirs dirs) {
    return new ProfileRepository(ProfileRepository.userDirectory(dirs.configHome()), Map.of());
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
