package io.appbox.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON Schemas of appbox's machine interface ({@code docs/schemas}), read with a real JSON
 * Schema validator (networknt json-schema-validator, draft 2020-12, formats asserted), so that a
 * schema and the output it describes cannot drift apart unnoticed.
 */
final class JsonSchemas {
  static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

  /** Strict JSON: no duplicate keys, nothing after the value. */
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private final Path dir;
  private final SchemaRegistry registry;
  private final Map<String, Schema> loaded = new HashMap<>();

  JsonSchemas() {
    this(TestEnvironment.repository().resolve("docs/schemas"));
  }

  JsonSchemas(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
    SchemaRegistryConfig config =
        SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
    // Schemas come from this directory only (references between them included), never fetched.
    this.registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            b ->
                b.schemaRegistryConfig(config)
                    .schemaLoader(l -> l.resourceLoaders(r -> r.resources(this::local))));
  }

  /** The text of a schema file in the directory, by its file: IRI; null for any other IRI. */
  private String local(String iri) {
    String base = dir.toUri().toString();
    if (!iri.startsWith(base)) {
      return null;
    }
    Path file = Path.of(URI.create(iri)).normalize();
    if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
      return null;
    }
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path dir() {
    return dir;
  }

  /** Every schema file, relative to the schema directory ({@code commands/list.schema.json}). */
  List<String> files() {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(p -> p.getFileName().toString().endsWith(".schema.json"))
          .map(p -> dir.relativize(p).toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The command schemas there are, by name ({@code list}, {@code image-build}). */
  List<String> commands() {
    return files().stream()
        .filter(f -> f.startsWith("commands/"))
        .map(f -> f.substring("commands/".length(), f.length() - ".schema.json".length()))
        .toList();
  }

  JsonNode read(String relative) {
    try {
      return parse(Files.readString(dir.resolve(relative)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What is wrong with {@code node} by the schema file; empty when it is valid. */
  List<String> problems(String relative, JsonNode node) {
    Schema schema =
        loaded.computeIfAbsent(
            relative,
            r -> registry.getSchema(SchemaLocation.of(dir.resolve(r).toUri().toString())));
    return problems(schema, node);
  }

  /** What is wrong with a schema file by the draft 2020-12 meta-schema; empty when it is valid. */
  List<String> metaProblems(String relative) {
    return problems(registry.getSchema(SchemaLocation.of(DRAFT_2020_12)), read(relative));
  }

  void assertValid(String relative, JsonNode node, String what) {
    assertThat(problems(relative, node))
        .as("%s is not valid by %s:%n%s%n", what, relative, node)
        .isEmpty();
  }

  private static List<String> problems(Schema schema, JsonNode node) {
    return schema.validate(node).stream().map(Error::toString).toList();
  }

  /** One JSON value, strictly: a line that is not exactly one JSON value fails the test. */
  static JsonNode parse(String text) {
    return JSON.readTree(text);
  }
}
