package io.appbox.core.host;

import java.nio.file.Path;
import java.util.Map;

/**
 * The user's base directories (XDG Base Directory Specification): the only places appbox writes,
 * with {@code ~/.local/bin} for commands.
 */
public record XdgDirs(
    Path home, Path dataHome, Path configHome, Path stateHome, Path cacheHome, Path runtimeDir) {

  public static XdgDirs of(Map<String, String> env, Path home) {
    return new XdgDirs(
        home,
        dir(env, "XDG_DATA_HOME", home.resolve(".local/share")),
        dir(env, "XDG_CONFIG_HOME", home.resolve(".config")),
        dir(env, "XDG_STATE_HOME", home.resolve(".local/state")),
        dir(env, "XDG_CACHE_HOME", home.resolve(".cache")),
        dir(env, "XDG_RUNTIME_DIR", home.resolve(".cache/appbox/run")));
  }

  /** The spec ignores relative values; so does appbox. */
  private static Path dir(Map<String, String> env, String name, Path fallback) {
    String value = env.get(name);
    if (value == null || value.isEmpty() || !value.startsWith("/")) {
      return fallback;
    }
    return Path.of(value);
  }

  public Path binDir() {
    return home.resolve(".local/bin");
  }

  public Path appboxState() {
    return stateHome.resolve("appbox");
  }

  public Path appboxConfig() {
    return configHome.resolve("appbox");
  }

  public Path appboxData() {
    return dataHome.resolve("appbox");
  }

  public Path appboxCache() {
    return cacheHome.resolve("appbox");
  }
}
