package io.appbox.cli.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.BoxName;
import io.appbox.core.ImageRef;
import io.appbox.core.json.Json;
import io.appbox.core.upgrade.Snapshot;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotJsonTest {
  private static final Snapshot BEFORE_UPGRADE =
      new Snapshot(
          "sha256:0123abcd",
          ImageRef.parse("localhost/appbox-snapshots:dev-20261126T030000123Z"),
          BoxName.of("dev"),
          Instant.parse("2026-11-26T03:00:00.123Z"),
          734_003_200L);

  @Test
  void aSnapshotIsWhatTheSchemaOfASnapshotSays() {
    Schemas.assertValid("types.schema.json#/$defs/snapshot", SnapshotJson.of(BEFORE_UPGRADE));
    Schemas.assertValid("commands/snapshots.schema.json", List.of(SnapshotJson.of(BEFORE_UPGRADE)));
  }

  @Test
  void itsNameIsWhatRollbackTakesAndItsImageTheWholeReference() {
    assertThat(Json.write(SnapshotJson.of(BEFORE_UPGRADE)))
        .isEqualTo(
            "{\"name\":\"dev-20261126T030000123Z\","
                + "\"image\":\"localhost/appbox-snapshots:dev-20261126T030000123Z\","
                + "\"box\":\"dev\",\"time\":\"2026-11-26T03:00:00.123Z\",\"size\":734003200}");
  }
}
