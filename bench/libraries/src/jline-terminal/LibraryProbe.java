import java.nio.file.Files;
import java.nio.file.Path;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** jline's terminal: the system terminal opened (a dumb one when there is none) and its width read. */
public final class LibraryProbe {
  @SuppressWarnings("deprecation") // dumb(true): the fallback every CLI of this kind needs
  public static void main(String[] args) throws Exception {
    byte[] reply = Files.readAllBytes(Path.of(System.getProperty("probe.reply")));
    if (reply.length == 0) throw new IllegalStateException("empty reply");
    try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build()) {
      if (terminal.getWidth() < 0) throw new IllegalStateException("no width");
    }
    io.appbox.cli.Main.main(args);
  }
}
