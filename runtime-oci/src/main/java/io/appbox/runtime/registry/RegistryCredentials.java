package io.appbox.runtime.registry;

import io.appbox.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The user's login to a registry, from the files {@code podman login} and {@code docker login}
 * write, in the order Podman reads them: {@code $REGISTRY_AUTH_FILE}, {@code
 * $XDG_RUNTIME_DIR/containers/auth.json}, {@code $XDG_CONFIG_HOME/containers/auth.json}, {@code
 * ~/.docker/config.json}. Docker's API pulls with only the credentials the client sends (as the
 * docker command does), so appbox sends them, in the {@code X-Registry-Auth} header. Credential
 * helpers ({@code credsStore}) are not asked: a login they keep is the engine's to use.
 */
public final class RegistryCredentials {
  public static final RegistryCredentials NONE = new RegistryCredentials(List.of());

  private final List<Path> files;

  RegistryCredentials(List<Path> files) {
    this.files = List.copyOf(files);
  }

  public static RegistryCredentials from(Map<String, String> env) {
    List<Path> files = new ArrayList<>();
    Optional.ofNullable(env.get("REGISTRY_AUTH_FILE"))
        .filter(s -> !s.isBlank())
        .map(Path::of)
        .ifPresent(files::add);
    Optional.ofNullable(env.get("XDG_RUNTIME_DIR"))
        .filter(s -> !s.isBlank())
        .map(d -> Path.of(d, "containers", "auth.json"))
        .ifPresent(files::add);
    String home = env.getOrDefault("HOME", "");
    String config = env.getOrDefault("XDG_CONFIG_HOME", home.isEmpty() ? "" : home + "/.config");
    if (!config.isBlank()) {
      files.add(Path.of(config, "containers", "auth.json"));
    }
    if (!home.isBlank()) {
      files.add(Path.of(home, ".docker", "config.json"));
    }
    return new RegistryCredentials(files);
  }

  /**
   * The {@code X-Registry-Auth} value for the registry ({@code localhost:5000}, {@code quay.io}),
   * or empty when the user has no login to it.
   */
  public Optional<String> header(String registry) {
    for (Path file : files) {
      Optional<String[]> login = login(file, registry);
      if (login.isPresent()) {
        Map<String, Object> auth = new LinkedHashMap<>();
        auth.put("username", login.get()[0]);
        auth.put("password", login.get()[1]);
        auth.put("serveraddress", registry);
        return Optional.of(
            Base64.getUrlEncoder()
                .encodeToString(Json.write(auth).getBytes(StandardCharsets.UTF_8)));
      }
    }
    return Optional.empty();
  }

  /** The login as HTTP Basic credentials (base64 of user:password), or empty. */
  public Optional<String> basic(String registry) {
    for (Path file : files) {
      Optional<String[]> login = login(file, registry);
      if (login.isPresent()) {
        String pair = login.get()[0] + ":" + login.get()[1];
        return Optional.of(
            Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
      }
    }
    return Optional.empty();
  }

  @SuppressWarnings("unchecked")
  private static Optional<String[]> login(Path file, String registry) {
    Map<String, Object> auths;
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > 1 << 20) {
        return Optional.empty();
      }
      Object value = Json.parseObject(Files.readString(file)).get("auths");
      if (!(value instanceof Map<?, ?>)) {
        return Optional.empty();
      }
      auths = (Map<String, Object>) value;
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty(); // a broken file is the engine's to report, as it would
    }
    for (String key : keys(registry)) {
      if (auths.get(key) instanceof Map<?, ?> entry
          && entry.get("auth") instanceof String encoded
          && !encoded.isBlank()) {
        try {
          String pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
          int colon = pair.indexOf(':');
          if (colon > 0) {
            return Optional.of(new String[] {pair.substring(0, colon), pair.substring(colon + 1)});
          }
        } catch (IllegalArgumentException notBase64) {
          // try the next key
        }
      }
    }
    return Optional.empty();
  }

  /** How the files name a registry: as it is, with a scheme, and Docker Hub's old address. */
  private static List<String> keys(String registry) {
    List<String> keys = new ArrayList<>(List.of(registry, "https://" + registry));
    if (registry.equals("docker.io")) {
      keys.add("https://index.docker.io/v1/");
      keys.add("index.docker.io");
    }
    return keys;
  }
}
