package io.appbox.cli;

import io.appbox.core.AppboxException;
import io.appbox.core.ErrorCode;
import io.appbox.core.Quote;
import io.appbox.core.manifest.Manifest;
import io.appbox.core.manifest.ManifestOrigin;
import io.appbox.profiles.ManifestLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Where {@code apply -f} reads its manifest: a file, standard input ({@code -}), or an https URL
 * (plain http only when trusted, {@link ManifestOrigin}) fetched with a time limit and no more than
 * {@link ManifestLoader#MAX_BYTES}, so that a hosted manifest can configure many machines and a
 * slow or huge answer cannot hang or flood appbox. A {@code --sha256} pin is checked against the
 * bytes read, before anything is parsed.
 */
final class ManifestSource {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** From the request to the last byte of the answer. */
  static final Duration FETCH_TIMEOUT = Duration.ofSeconds(60);

  private ManifestSource() {}

  /**
   * What the user trusts: plain http ({@code --insecure} or the config's {@code
   * insecure-manifests}), and the manifest's SHA-256 when pinned ({@code --sha256}).
   */
  record Trust(boolean insecure, Optional<String> sha256) {
    static final Trust DEFAULT = new Trust(false, Optional.empty());

    Trust {
      sha256 = sha256.map(ManifestOrigin::pin);
    }
  }

  static Manifest load(String source, InputStream stdin, Path userHome, Trust trust) {
    if (source.equals("-")) {
      byte[] bytes = readLimited(stdin);
      ManifestOrigin.verify(bytes, trust.sha256(), "on standard input");
      return ManifestLoader.load(bytes, "<stdin>", userHome);
    }
    if (source.contains("://")) {
      URI uri = uri(source);
      ManifestOrigin.checkTransport(uri, trust.insecure());
      byte[] bytes = fetch(uri);
      ManifestOrigin.verify(bytes, trust.sha256(), "at " + source);
      return ManifestLoader.load(bytes, source, userHome);
    }
    if (trust.sha256().isPresent()) {
      byte[] bytes = readFile(Path.of(source));
      ManifestOrigin.verify(bytes, trust.sha256(), source);
      return ManifestLoader.load(bytes, source, userHome);
    }
    return ManifestLoader.load(Path.of(source), userHome);
  }

  /** The file's bytes, up to one past the limit (the loader says when it is too large). */
  private static byte[] readFile(Path file) {
    try (InputStream in = java.nio.file.Files.newInputStream(file)) {
      return in.readNBytes(ManifestLoader.MAX_BYTES + 1);
    } catch (java.nio.file.NoSuchFileException e) {
      throw AppboxException.invalid(
          "There is no manifest file " + Quote.of(file.toString()) + ".",
          "Check the path given to -f.");
    } catch (IOException e) {
      throw new AppboxException(
          ErrorCode.FAILED,
          "Cannot read manifest " + file + ": " + e.getMessage(),
          "Check that the file is readable.",
          e);
    }
  }

  private static URI uri(String source) {
    URI uri;
    try {
      uri = new URI(source);
    } catch (URISyntaxException e) {
      throw AppboxException.invalid(
          "Manifest URL " + Quote.of(source) + " is not valid: " + e.getReason() + ".",
          "Give an http or https URL, or a file.");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw AppboxException.invalid(
          "Manifest URL " + Quote.of(source) + " is not an http or https URL.",
          "appbox fetches manifests over http and https only; for a local file, give its path.");
    }
    return uri;
  }

  static byte[] fetch(URI uri) {
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(FETCH_TIMEOUT)
            .header("Accept", "application/yaml, text/yaml, text/plain;q=0.9, */*;q=0.5")
            .header("User-Agent", "appbox/" + Session.VERSION)
            .GET()
            .build();
    CompletableFuture<HttpResponse<byte[]>> answer =
        client.sendAsync(
            request,
            info ->
                info.statusCode() == 200
                    ? new LimitedBody(uri)
                    : HttpResponse.BodySubscribers.replacing(new byte[0]));
    HttpResponse<byte[]> response;
    try {
      response = answer.get(FETCH_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      answer.cancel(true);
      throw failed(uri, "no complete answer within " + FETCH_TIMEOUT.toSeconds() + " seconds", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failed(uri, "interrupted", e);
    } catch (ExecutionException e) {
      for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
        if (t instanceof AppboxException refused) {
          throw refused;
        }
      }
      throw failed(uri, why(uri, e.getCause()), e);
    }
    if (response.statusCode() != 200) {
      throw new AppboxException(
          ErrorCode.FAILED,
          "Could not fetch the manifest "
              + uri
              + ": the server answered "
              + response.statusCode()
              + ".",
          "Check the URL; appbox needs the manifest itself (status 200).");
    }
    return response.body();
  }

  private static String why(URI uri, Throwable cause) {
    if (cause instanceof HttpConnectTimeoutException) {
      return "no connection within " + CONNECT_TIMEOUT.toSeconds() + " seconds";
    }
    if (cause instanceof HttpTimeoutException) {
      return "no answer within " + FETCH_TIMEOUT.toSeconds() + " seconds";
    }
    // The client wraps the system's reason in exceptions of its own, often without a message.
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof UnresolvedAddressException) {
        return "cannot resolve the host name " + uri.getHost();
      }
      if (t instanceof ClosedChannelException && cause instanceof ConnectException) {
        return "cannot connect to " + uri.getHost() + " (connection refused)";
      }
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        return (t instanceof ConnectException ? "cannot connect: " : "") + t.getMessage();
      }
    }
    return cause instanceof ConnectException
        ? "cannot connect"
        : cause == null ? "unknown error" : cause.getClass().getSimpleName();
  }

  private static AppboxException failed(URI uri, String why, Throwable cause) {
    return new AppboxException(
        ErrorCode.FAILED,
        "Could not fetch the manifest " + uri + ": " + why + ".",
        "Check the URL and the network, or download the manifest and give its file.",
        cause);
  }

  private static AppboxException tooLarge(String what) {
    return AppboxException.invalid(
        "The manifest " + what + " is larger than " + ManifestLoader.MAX_BYTES / 1024 + " KiB.",
        "Check that this is the manifest you meant; a manifest is a few kilobytes.");
  }

  private static byte[] readLimited(InputStream in) {
    try {
      byte[] bytes = in.readNBytes(ManifestLoader.MAX_BYTES + 1);
      if (bytes.length > ManifestLoader.MAX_BYTES) {
        throw tooLarge("on standard input");
      }
      return bytes;
    } catch (IOException e) {
      throw new AppboxException(
          ErrorCode.FAILED,
          "Cannot read the manifest from standard input: " + e.getMessage(),
          "Pipe the manifest into appbox apply -f -.",
          e);
    }
  }

  /** Collects an answer's body, and stops the download once it passes the limit. */
  private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final URI uri;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    LimitedBody(URI uri) {
      this.uri = uri;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (body.isDone()) {
        return;
      }
      for (ByteBuffer b : items) {
        if (bytes.size() + b.remaining() > ManifestLoader.MAX_BYTES) {
          subscription.cancel();
          body.completeExceptionally(tooLarge("at " + uri));
          return;
        }
        byte[] chunk = new byte[b.remaining()];
        b.get(chunk);
        bytes.writeBytes(chunk);
      }
    }

    @Override
    public void onError(Throwable error) {
      body.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      body.complete(bytes.toByteArray());
    }
  }
}
