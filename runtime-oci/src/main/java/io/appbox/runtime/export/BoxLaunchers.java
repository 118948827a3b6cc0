package io.appbox.runtime.export;

import io.appbox.core.AppboxException;
import io.appbox.core.ErrorCode;
import io.appbox.core.box.BoxLabels;
import io.appbox.core.engine.ContainerState;
import io.appbox.core.engine.EngineInfo;
import io.appbox.core.engine.EngineKind;
import io.appbox.core.export.LauncherScript;
import io.appbox.core.export.Launchers;
import io.appbox.runtime.attach.BoxProcessCache;
import io.appbox.runtime.attach.NamespaceEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Makes a box's launcher from {@code launcher.sh}, with the engine and box baked in and the {@code
 * appbox-enter} function inlined, so a launcher keeps working without appbox installed at the same
 * place.
 */
public final class BoxLaunchers implements Launchers {
  private static final String TEMPLATE = resource("launcher.sh");
  private static final String ENTER = resource("appbox-enter");

  private final EngineInfo engine;
  private final NamespaceEntry namespaces;
  private final BoxProcessCache cache;

  public BoxLaunchers(EngineInfo engine, NamespaceEntry namespaces, BoxProcessCache cache) {
    this.engine = engine;
    this.namespaces = namespaces;
    this.cache = cache;
  }

  @Override
  public LauncherScript forBox(ContainerState box) {
    Path cli =
        engine
            .cli()
            .orElseThrow(
                () ->
                    new AppboxException(
                        ErrorCode.FAILED,
                        "Exports need the "
                            + engine.kind().id()
                            + " program, which is not installed.",
                        "Install " + engine.kind().id() + "'s command-line program."));
    String engineEnv =
        engine.kind() == EngineKind.DOCKER
            ? "DOCKER_HOST=" + sh("unix://" + engine.endpoint()) + "\nexport DOCKER_HOST"
            : "unset CONTAINER_HOST";
    // Without a private runtime directory there is no cache to trust: the engine it is.
    java.util.Optional<Path> cacheFile = cache.file(engine.id(), box.name());
    String script =
        TEMPLATE
            .replace("@BOX_COMMENT@", box.name().value())
            .replace("@ENGINE_ID@", engine.id())
            .replace("@BOX@", sh(box.name().value()))
            .replace("@CACHE@", sh(cacheFile.map(Path::toString).orElse("")))
            .replace("@CLI@", sh(cli.toString()))
            .replace("@FAST@", namespaces.allowed() && cacheFile.isPresent() ? "1" : "0")
            .replace("@USERNS@", engine.rootless() ? "1" : "0")
            .replace("@USER@", sh(BoxLabels.engineUser(box.labels())))
            .replace("@HOME@", sh(box.labels().getOrDefault(BoxLabels.HOME, "/")))
            .replace("@ENGINE_ENV@", engineEnv)
            .replace("@APPBOX_ENTER@", ENTER);
    return new LauncherScript(
        engine.id() + "/" + box.name().value(), script.getBytes(StandardCharsets.UTF_8));
  }

  /** Quotes a value for sh: single quotes, with each quote written as '\''. */
  static String sh(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }

  private static String resource(String name) {
    try (InputStream in = NamespaceEntry.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
