import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;

/** The JDK's own System.Logger: a logger made and a debug line logged (off, as by default). */
public final class LibraryProbe {
  private static final System.Logger LOG = System.getLogger("io.appbox.engine");

  public static void main(String[] args) throws Exception {
    byte[] reply = Files.readAllBytes(Path.of(System.getProperty("probe.reply")));
    LOG.log(Level.DEBUG, "GET /containers/json: {0} bytes", reply.length);
    System.getLogger("io.appbox.cli").log(Level.DEBUG, () -> "command " + String.join(" ", args));
    io.appbox.cli.Main.main(args);
  }
}
