package io.appbox.core.manifest;

import io.appbox.core.BoxName;
import io.appbox.core.box.Volume;
import io.appbox.core.pkg.PackageName;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The boxes, packages and exports a user wants, as {@code appbox apply} converges to them and
 * {@code appbox export-manifest} writes them.
 *
 * @param boxes the boxes, in the order the file lists them
 */
public record Manifest(List<BoxSpec> boxes) {
  public Manifest {
    boxes = List.copyOf(boxes);
  }

  public Optional<BoxSpec> box(BoxName name) {
    return boxes.stream().filter(b -> b.name().equals(name)).findFirst();
  }

  /**
   * The manifest as plain values in the layout of the file: maps, lists and strings, with fields
   * left out where they hold their default. Paths in {@code userHome} are written {@code ~/...}, so
   * the manifest means the same on another machine.
   */
  public Map<String, Object> document(Optional<Path> userHome) {
    Map<String, Object> boxMap = new LinkedHashMap<>();
    for (BoxSpec b : boxes) {
      Map<String, Object> box = new LinkedHashMap<>();
      b.distro().ifPresent(d -> box.put("distro", d));
      b.image().ifPresent(i -> box.put("image", i.toString()));
      b.home().ifPresent(h -> box.put("home", path(h, userHome)));
      if (!b.volumes().isEmpty()) {
        box.put("volumes", b.volumes().stream().map(v -> volume(v, userHome)).toList());
      }
      if (!b.init().isEmpty()) {
        box.put("init", b.init());
      }
      if (b.entry()) {
        box.put("entry", true);
      }
      if (!b.packages().isEmpty()) {
        box.put("packages", b.packages().stream().map(PackageName::value).toList());
      }
      Map<String, Object> export = new LinkedHashMap<>();
      if (!b.apps().isEmpty()) {
        export.put("apps", b.apps());
      }
      if (!b.bins().isEmpty()) {
        export.put("bins", b.bins().stream().map(Manifest::bin).toList());
      }
      if (!export.isEmpty()) {
        box.put("export", export);
      }
      boxMap.put(b.name().value(), box);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("boxes", boxMap);
    return doc;
  }

  private static Object bin(BinExport bin) {
    if (bin.as().isEmpty()) {
      return bin.path();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("path", bin.path());
    out.put("as", bin.as().get());
    return out;
  }

  /** SOURCE:TARGET, with :ro when read-only, as {@link Volume#parse} reads it. */
  static String volume(Volume v, Optional<Path> userHome) {
    return path(v.source(), userHome) + ":" + v.target() + (v.readOnly() ? ":ro" : "");
  }

  private static String path(Path p, Optional<Path> userHome) {
    if (userHome.isPresent()) {
      Path home = userHome.get();
      if (p.equals(home)) {
        return "~";
      }
      if (p.startsWith(home)) {
        return "~/" + home.relativize(p);
      }
    }
    return p.toString();
  }
}
