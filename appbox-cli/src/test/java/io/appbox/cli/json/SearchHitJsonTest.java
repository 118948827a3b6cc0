package io.appbox.cli.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.json.Json;
import io.appbox.core.pkg.SearchHit;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchHitJsonTest {
  @Test
  void hitsAreWhatTheSchemaOfSearchSays() {
    Schemas.assertValid(
        "commands/search.schema.json",
        List.of(
            SearchHitJson.of(
                new SearchHit("htop", "Interactive process viewer", "3.3.0-1", true, true)),
            SearchHitJson.of(new SearchHit("htop-doc", "")),
            SearchHitJson.of(new SearchHit("btop", "Resource monitor", "1.3.2", false, null))));
  }

  @Test
  void whatAppboxCannotTellIsNull() {
    assertThat(Json.write(SearchHitJson.of(new SearchHit("htop-doc", ""))))
        .isEqualTo(
            "{\"name\":\"htop-doc\",\"summary\":\"\",\"version\":null,\"installed\":false,"
                + "\"app\":null}");
  }
}
