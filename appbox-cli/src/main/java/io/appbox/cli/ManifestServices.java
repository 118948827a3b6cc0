package io.appbox.cli;

import io.appbox.core.manifest.AppliedRecordFile;
import io.appbox.core.manifest.CurrentStateReader;
import io.appbox.core.manifest.ManifestApplier;
import io.appbox.core.manifest.Planner;

/**
 * The core's manifest pieces, wired from a session for {@code apply} and {@code export-manifest}.
 */
final class ManifestServices {
  private ManifestServices() {}

  static AppliedRecordFile record(Session session) {
    return new AppliedRecordFile(session.dirs().appboxState());
  }

  static CurrentStateReader reader(Session session) {
    return new CurrentStateReader(
        session.engine(),
        session.boxes(),
        session.packages(),
        session.exportService(),
        record(session),
        session.dirs().home(),
        session.config().defaultDistro());
  }

  static Planner planner(Session session) {
    return new Planner(session.profiles(), session.host()::exists);
  }

  static ManifestApplier applier(Session session) {
    return new ManifestApplier(
        session.engine(),
        session.boxes(),
        session.packages(),
        session.exportService(),
        record(session),
        session.dirs().home());
  }
}
