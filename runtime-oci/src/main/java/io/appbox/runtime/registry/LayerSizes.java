package io.appbox.runtime.registry;

import io.appbox.core.ImageRef;
import io.appbox.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The sizes of an image's blobs, read from its registry's manifest: Podman 4 reports a pull's
 * layers starting and finishing but not their bytes, so appbox adds the sizes up itself. Best
 * effort and quick: on any failure (no answer, a login or certificate appbox cannot use) it knows
 * no sizes and the pull shows activity without a percentage; the engine's own pull decides.
 *
 * <p>It trusts what the engine trusts for that registry: the system's CAs and the {@code *.crt} in
 * {@code ~/.config/containers/certs.d/REGISTRY/}, {@code /etc/containers/certs.d/REGISTRY/} and
 * {@code /etc/docker/certs.d/REGISTRY/}.
 */
public final class LayerSizes {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final String ACCEPT =
      String.join(
          ", ",
          "application/vnd.oci.image.index.v1+json",
          "application/vnd.docker.distribution.manifest.list.v2+json",
          "application/vnd.oci.image.manifest.v1+json",
          "application/vnd.docker.distribution.manifest.v2+json");
  private static final Pattern CHALLENGE_PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  private final RegistryCredentials credentials;
  private final List<Path> certDirs;

  LayerSizes(RegistryCredentials credentials, List<Path> certDirs) {
    this.credentials = credentials;
    this.certDirs = List.copyOf(certDirs);
  }

  public static LayerSizes from(Map<String, String> env, RegistryCredentials credentials) {
    List<Path> dirs = new ArrayList<>();
    String home = env.getOrDefault("HOME", "");
    String config = env.getOrDefault("XDG_CONFIG_HOME", home.isEmpty() ? "" : home + "/.config");
    if (!config.isBlank()) {
      dirs.add(Path.of(config, "containers", "certs.d"));
    }
    dirs.add(Path.of("/etc/containers/certs.d"));
    dirs.add(Path.of("/etc/docker/certs.d"));
    return new LayerSizes(credentials, dirs);
  }

  /** Blob sizes by the first 12 hex digits of their digest, as the engines name layers. */
  public Map<String, Long> of(ImageRef image) {
    if (image.registry() == null) {
      return Map.of();
    }
    try {
      HttpClient client =
          HttpClient.newBuilder()
              .connectTimeout(TIMEOUT)
              .sslContext(sslContext(image.registry()))
              .followRedirects(HttpClient.Redirect.NORMAL)
              .build();
      String reference =
          image.digest() != null ? image.digest() : image.tag() == null ? "latest" : image.tag();
      Map<String, Object> manifest = manifest(client, image, reference, new String[1]);
      if (manifest.get("manifests") instanceof List<?> entries) {
        Optional<String> digest = platform(entries);
        if (digest.isEmpty()) {
          return Map.of();
        }
        manifest = manifest(client, image, digest.get(), new String[1]);
      }
      Map<String, Long> sizes = new HashMap<>();
      List<Object> blobs = new ArrayList<>();
      if (manifest.get("layers") instanceof List<?> layers) {
        blobs.addAll(layers);
      }
      blobs.add(manifest.get("config"));
      for (Object o : blobs) {
        if (o instanceof Map<?, ?> blob
            && blob.get("digest") instanceof String d
            && blob.get("size") instanceof Number size
            && d.startsWith("sha256:")
            && d.length() > 19) {
          sizes.put(d.substring(7, 19), size.longValue());
        }
      }
      return sizes;
    } catch (IOException | RuntimeException e) {
      return Map.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Map.of();
    }
  }

  private Map<String, Object> manifest(
      HttpClient client, ImageRef image, String reference, String[] token)
      throws IOException, InterruptedException {
    URI uri =
        URI.create(
            "https://"
                + image.registry()
                + "/v2/"
                + image.repository()
                + "/manifests/"
                + URLEncoder.encode(reference, StandardCharsets.UTF_8));
    HttpResponse<String> r =
        client.send(request(uri, token[0]), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() == 401) {
      token[0] =
          authorization(client, image, r.headers().firstValue("WWW-Authenticate").orElse(""));
      if (token[0] == null) {
        return Map.of();
      }
      r = client.send(request(uri, token[0]), HttpResponse.BodyHandlers.ofString());
    }
    if (r.statusCode() != 200 || r.body().length() > 4 << 20) {
      return Map.of();
    }
    return Json.parseObject(r.body());
  }

  private static HttpRequest request(URI uri, String authorization) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", ACCEPT);
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return b.GET().build();
  }

  /** The Authorization header the registry's challenge asks for: Basic, or a Bearer token. */
  private String authorization(HttpClient client, ImageRef image, String challenge)
      throws IOException, InterruptedException {
    Optional<String> basic = credentials.basic(image.registry());
    if (challenge.regionMatches(true, 0, "Basic", 0, 5)) {
      return basic.map(b -> "Basic " + b).orElse(null);
    }
    if (!challenge.regionMatches(true, 0, "Bearer", 0, 6)) {
      return null;
    }
    Map<String, String> params = new HashMap<>();
    Matcher m = CHALLENGE_PARAM.matcher(challenge);
    while (m.find()) {
      params.put(m.group(1).toLowerCase(), m.group(2));
    }
    String realm = params.get("realm");
    if (realm == null || !realm.startsWith("https://")) {
      return null;
    }
    StringBuilder url = new StringBuilder(realm).append(realm.contains("?") ? "&" : "?");
    url.append("scope=")
        .append(
            URLEncoder.encode(
                "repository:" + image.repository() + ":pull", StandardCharsets.UTF_8));
    if (params.containsKey("service")) {
      url.append("&service=")
          .append(URLEncoder.encode(params.get("service"), StandardCharsets.UTF_8));
    }
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url.toString())).timeout(TIMEOUT);
    basic.ifPresent(v -> b.header("Authorization", "Basic " + v));
    HttpResponse<String> r = client.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      return null;
    }
    Map<String, Object> answer = Json.parseObject(r.body());
    Object token = answer.getOrDefault("token", answer.get("access_token"));
    return token instanceof String t ? "Bearer " + t : null;
  }

  /** The manifest of this machine's platform in an index. */
  private static Optional<String> platform(List<?> entries) {
    String arch =
        switch (System.getProperty("os.arch")) {
          case "amd64", "x86_64" -> "amd64";
          case "aarch64" -> "arm64";
          default -> System.getProperty("os.arch");
        };
    for (Object o : entries) {
      if (o instanceof Map<?, ?> entry
          && entry.get("platform") instanceof Map<?, ?> p
          && "linux".equals(p.get("os"))
          && arch.equals(p.get("architecture"))
          && entry.get("digest") instanceof String d) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  /** The system's CAs and the registry's own from the engines' certs.d directories. */
  private SSLContext sslContext(String registry) throws IOException {
    List<Certificate> extra = new ArrayList<>();
    try {
      CertificateFactory x509 = CertificateFactory.getInstance("X.509");
      for (Path base : certDirs) {
        Path dir = base.resolve(registry);
        if (!Files.isDirectory(dir)) {
          continue;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.crt")) {
          for (Path f : files) {
            try (InputStream in = Files.newInputStream(f)) {
              extra.addAll(x509.generateCertificates(in));
            }
          }
        }
      }
      if (extra.isEmpty()) {
        return SSLContext.getDefault();
      }
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      TrustManagerFactory system =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      system.init((KeyStore) null);
      int i = 0;
      for (javax.net.ssl.TrustManager tm : system.getTrustManagers()) {
        if (tm instanceof javax.net.ssl.X509TrustManager x) {
          for (Certificate c : x.getAcceptedIssuers()) {
            store.setCertificateEntry("system-" + i++, c);
          }
        }
      }
      for (Certificate c : extra) {
        store.setCertificateEntry("registry-" + i++, c);
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (java.security.GeneralSecurityException e) {
      throw new IOException(e);
    }
  }
}
