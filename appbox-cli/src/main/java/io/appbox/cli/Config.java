package io.appbox.cli;

import io.appbox.core.AppboxException;
import io.appbox.core.ImageRef;
import io.appbox.core.Quote;
import io.appbox.runtime.api.EngineTimeouts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The user's settings, {@code $XDG_CONFIG_HOME/appbox/config.yaml}; every key is optional:
 *
 * <pre>
 * default-box: dev          # the box when --box is left out
 * default-distro: debian    # the distro of create and install when --distro is left out
 * engine: podman            # as --engine
 * images:                   # another image for a distro: a mirror, a local registry
 *   debian: registry.local:5000/library/debian:bookworm
 * snapshots:
 *   keep: 3                 # snapshots kept per box by upgrade
 * insecure-manifests: false # true: apply and auto-update take plain http:// manifest URLs
 * engine-timeouts:          # seconds of silence from the engine before appbox gives up
 *   reply: 60               # an ordinary answer
 *   long: 3600              # pulls, snapshots, commands in a box; 0 waits without limit
 * </pre>
 */
record Config(
    Optional<String> defaultBox,
    String defaultDistro,
    Optional<String> engine,
    Map<String, ImageRef> images,
    int keepSnapshots,
    EngineTimeouts engineTimeouts,
    boolean insecureManifests) {

  static final String DEFAULT_DISTRO = "debian";
  private static final List<String> KEYS =
      List.of(
          "default-box",
          "default-distro",
          "engine",
          "images",
          "snapshots",
          "engine-timeouts",
          "insecure-manifests");

  static Config defaults() {
    return new Config(
        Optional.empty(),
        DEFAULT_DISTRO,
        Optional.empty(),
        Map.of(),
        3,
        EngineTimeouts.DEFAULTS,
        false);
  }

  static Config load(Path file) {
    if (!Files.isRegularFile(file)) {
      return defaults();
    }
    Object doc;
    try {
      if (Files.size(file) > 64 * 1024) {
        throw invalid(file, "the file is larger than 64 KiB");
      }
      LoadSettings settings =
          LoadSettings.builder()
              .setMaxAliasesForCollections(10)
              .setAllowDuplicateKeys(false)
              .build();
      doc = new Load(settings).loadFromString(Files.readString(file));
    } catch (IOException e) {
      throw invalid(file, e.getMessage());
    } catch (YamlEngineException e) {
      throw invalid(file, e.getMessage().replace('\n', ' '));
    }
    if (doc == null) {
      return defaults();
    }
    if (!(doc instanceof Map<?, ?> map)) {
      throw invalid(file, "expected a mapping of settings");
    }
    for (Object key : map.keySet()) {
      if (!KEYS.contains(String.valueOf(key))) {
        throw invalid(
            file, "unknown setting " + Quote.of(String.valueOf(key)) + "; known: " + KEYS);
      }
    }
    Optional<String> box = string(file, map, "default-box");
    String distro = string(file, map, "default-distro").orElse(DEFAULT_DISTRO);
    Optional<String> engine = string(file, map, "engine");
    if (engine.isPresent() && !List.of("podman", "docker").contains(engine.get())) {
      throw invalid(file, "engine: expected podman or docker");
    }
    Map<String, ImageRef> images = new LinkedHashMap<>();
    Object imagesNode = map.get("images");
    if (imagesNode != null) {
      if (!(imagesNode instanceof Map<?, ?> m)) {
        throw invalid(file, "images: expected a mapping of distro to image");
      }
      m.forEach((k, v) -> images.put(String.valueOf(k), ImageRef.parse(String.valueOf(v))));
    }
    int keep = 3;
    Object snapshots = map.get("snapshots");
    if (snapshots != null) {
      if (!(snapshots instanceof Map<?, ?> s)
          || !(s.get("keep") instanceof Integer k)
          || k < 1
          || k > 100) {
        throw invalid(file, "snapshots.keep: expected a number from 1 to 100");
      }
      keep = k;
    }
    Object insecure = map.get("insecure-manifests");
    if (insecure != null && !(insecure instanceof Boolean)) {
      throw invalid(file, "insecure-manifests: expected true or false");
    }
    return new Config(
        box,
        distro,
        engine,
        images,
        keep,
        engineTimeouts(file, map),
        Boolean.TRUE.equals(insecure));
  }

  private static EngineTimeouts engineTimeouts(Path file, Map<?, ?> map) {
    Object node = map.get("engine-timeouts");
    if (node == null) {
      return EngineTimeouts.DEFAULTS;
    }
    if (!(node instanceof Map<?, ?> m)) {
      throw invalid(file, "engine-timeouts: expected a mapping with reply and long");
    }
    for (Object key : m.keySet()) {
      if (!List.of("reply", "long").contains(String.valueOf(key))) {
        throw invalid(
            file,
            "engine-timeouts: unknown setting "
                + Quote.of(String.valueOf(key))
                + "; known: reply, long");
      }
    }
    long reply = seconds(file, m, "reply", 1, EngineTimeouts.DEFAULTS.reply().toSeconds());
    long longWait = seconds(file, m, "long", 0, EngineTimeouts.DEFAULTS.longWait().toSeconds());
    return new EngineTimeouts(Duration.ofSeconds(reply), Duration.ofSeconds(longWait));
  }

  private static long seconds(Path file, Map<?, ?> map, String key, long min, long fallback) {
    Object v = map.get(key);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof Integer n) || n < min || n > 7 * 24 * 3600) {
      throw invalid(
          file,
          "engine-timeouts."
              + key
              + ": expected a number of seconds from "
              + min
              + " to 604800 (a week)");
    }
    return n;
  }

  private static Optional<String> string(Path file, Map<?, ?> map, String key) {
    Object v = map.get(key);
    if (v == null) {
      return Optional.empty();
    }
    if (!(v instanceof String s)) {
      throw invalid(file, key + ": expected a string");
    }
    return Optional.of(s);
  }

  private static AppboxException invalid(Path file, String what) {
    return AppboxException.invalid(
        "Settings file " + file + " is not valid: " + what + ".", "Fix or remove " + file + ".");
  }
}
