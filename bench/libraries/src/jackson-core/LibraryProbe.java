import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** jackson-core's streaming parser and generator doing appbox's JSON job: reply to plain values and back. */
public final class LibraryProbe {
  public static void main(String[] args) throws Exception {
    byte[] reply = Files.readAllBytes(Path.of(System.getProperty("probe.reply")));
    JsonFactory factory = new JsonFactory();
    Object value;
    try (JsonParser parser = factory.createParser(reply)) {
      value = read(parser, parser.nextToken());
    }
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = factory.createGenerator(out)) {
      write(generator, value);
    }
    if (out.getBuffer().length() == 0) throw new IllegalStateException("nothing written");
    io.appbox.cli.Main.main(args);
  }

  private static Object read(JsonParser parser, JsonToken token) throws Exception {
    switch (token) {
      case START_OBJECT: {
        Map<String, Object> map = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          map.put(name, read(parser, parser.nextToken()));
        }
        return map;
      }
      case START_ARRAY: {
        List<Object> list = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          list.add(read(parser, t));
        }
        return list;
      }
      case VALUE_STRING: return parser.getText();
      case VALUE_NUMBER_INT: return parser.getLongValue();
      case VALUE_NUMBER_FLOAT: return parser.getDecimalValue();
      case VALUE_TRUE: return true;
      case VALUE_FALSE: return false;
      default: return null;
    }
  }

  @SuppressWarnings("unchecked")
  private static void write(JsonGenerator generator, Object value) throws Exception {
    if (value instanceof Map) {
      generator.writeStartObject();
      for (Map.Entry<String, Object> e : ((Map<String, Object>) value).entrySet()) {
        generator.writeFieldName(e.getKey());
        write(generator, e.getValue());
      }
      generator.writeEndObject();
    } else if (value instanceof List) {
      generator.writeStartArray();
      for (Object o : (List<Object>) value) write(generator, o);
      generator.writeEndArray();
    } else if (value instanceof String) {
      generator.writeString((String) value);
    } else if (value instanceof Long) {
      generator.writeNumber((Long) value);
    } else if (value instanceof Boolean) {
      generator.writeBoolean((Boolean) value);
    } else if (value == null) {
      generator.writeNull();
    } else {
      generator.writeNumber(value.toString());
    }
  }
}
