package io.appbox.cli.json;

import io.appbox.core.pkg.PackageDetails;
import java.util.LinkedHashMap;
import java.util.Map;

/** A package as {@code appbox show --json} describes it ({@code commands/show.schema.json}). */
public final class PackageDetailsJson {
  private PackageDetailsJson() {}

  public static Map<String, Object> of(PackageDetails p) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", p.name());
    out.put("version", p.version());
    out.put("summary", p.summary());
    out.put("description", p.description());
    out.put("size", p.size());
    out.put("homepage", p.homepage());
    out.put("installed", p.installed());
    out.put("fields", new LinkedHashMap<String, Object>(p.fields()));
    return out;
  }
}
