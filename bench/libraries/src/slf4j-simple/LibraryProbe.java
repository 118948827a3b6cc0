import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** SLF4J with its simple binding: a logger made and a debug line logged (off, as by default). */
public final class LibraryProbe {
  private static final Logger LOG = LoggerFactory.getLogger("io.appbox.engine");

  public static void main(String[] args) throws Exception {
    byte[] reply = Files.readAllBytes(Path.of(System.getProperty("probe.reply")));
    LOG.debug("GET /containers/json: {} bytes", reply.length);
    LoggerFactory.getLogger("io.appbox.cli").debug("command {}", String.join(" ", args));
    io.appbox.cli.Main.main(args);
  }
}
