import com.fasterxml.jackson.jr.ob.JSON;
import java.nio.file.Files;
import java.nio.file.Path;

/** jackson-jr: the reply to plain values and back. */
public final class LibraryProbe {
  public static void main(String[] args) throws Exception {
    byte[] reply = Files.readAllBytes(Path.of(System.getProperty("probe.reply")));
    Object value = JSON.std.anyFrom(reply);
    if (JSON.std.asString(value).isEmpty()) throw new IllegalStateException("nothing written");
    io.appbox.cli.Main.main(args);
  }
}
