import java.nio.file.Files;
import java.nio.file.Path;

/** The baseline: the same file read as the candidates do, then appbox, with no library. */
public final class LibraryProbe {
  public static void main(String[] args) throws Exception {
    byte[] reply = Files.readAllBytes(Path.of(System.getProperty("probe.reply")));
    if (reply.length == 0) throw new IllegalStateException("empty reply");
    io.appbox.cli.Main.main(args);
  }
}
