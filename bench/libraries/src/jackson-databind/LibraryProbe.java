import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;

/** jackson-databind's ObjectMapper: the reply to plain values and back. */
public final class LibraryProbe {
  public static void main(String[] args) throws Exception {
    byte[] reply = Files.readAllBytes(Path.of(System.getProperty("probe.reply")));
    ObjectMapper mapper = new ObjectMapper();
    Object value = mapper.readValue(reply, Object.class);
    if (mapper.writeValueAsString(value).isEmpty()) throw new IllegalStateException("nothing written");
    io.appbox.cli.Main.main(args);
  }
}
