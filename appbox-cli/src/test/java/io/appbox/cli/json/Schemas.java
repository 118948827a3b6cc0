package io.appbox.cli.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.appbox.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The machine interface's schemas ({@code docs/schemas}), read with the validator the end-to-end
 * JsonSchemaTest uses (draft 2020-12, formats asserted), for checking a mapper's output as appbox
 * writes it: through {@link Json#write}, then read back as the frontend reads it.
 */
final class Schemas {
  private static final Path DIR = dir();
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          b ->
              b.schemaRegistryConfig(
                      SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                  // Schemas come from docs/schemas only, never fetched.
                  .schemaLoader(l -> l.resourceLoaders(r -> r.resources(Schemas::local))));

  private Schemas() {}

  /**
   * What is wrong with {@code value}, written as appbox writes it, by a schema: a file of {@code
   * docs/schemas} with an optional JSON pointer ({@code types.schema.json#/$defs/box}); empty when
   * it is valid.
   */
  static List<String> problems(String schema, Object value) {
    Schema s = REGISTRY.getSchema(SchemaLocation.of(DIR.toUri() + schema));
    return s.validate(JsonMapper.builder().build().readTree(Json.write(value))).stream()
        .map(Error::toString)
        .toList();
  }

  static void assertValid(String schema, Object value) {
    assertThat(problems(schema, value))
        .as("%s is not valid by %s", Json.write(value), schema)
        .isEmpty();
  }

  private static String local(String iri) {
    if (!iri.startsWith(DIR.toUri().toString())) {
      return null;
    }
    Path file = Path.of(URI.create(iri)).normalize();
    if (!file.startsWith(DIR) || !Files.isRegularFile(file)) {
      return null;
    }
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** docs/schemas of the repository: the tests run in the module's directory. */
  private static Path dir() {
    Path dir = Path.of("").toAbsolutePath().getParent().resolve("docs/schemas").normalize();
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("no docs/schemas at " + dir);
    }
    return dir;
  }
}
