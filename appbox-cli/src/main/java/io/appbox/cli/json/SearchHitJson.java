package io.appbox.cli.json;

import io.appbox.core.pkg.SearchHit;
import java.util.LinkedHashMap;
import java.util.Map;

/** A search hit as {@code appbox search --json} shows it ({@code commands/search.schema.json}). */
public final class SearchHitJson {
  private SearchHitJson() {}

  public static Map<String, Object> of(SearchHit hit) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", hit.name());
    out.put("summary", hit.summary());
    out.put("version", hit.version());
    out.put("installed", hit.installed());
    out.put("app", hit.app());
    return out;
  }
}
