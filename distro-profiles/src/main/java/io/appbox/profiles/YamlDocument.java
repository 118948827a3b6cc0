package io.appbox.profiles;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Turns the bytes of a YAML file into one node tree, and nothing more: no objects are constructed,
 * so every later check still knows the line each value came from. The format's limits keep a
 * hostile file (huge, or an alias bomb) from costing more than a small one.
 */
final class YamlDocument {
  private YamlDocument() {}

  static YamlField compose(byte[] bytes, String file, YamlFormat format) {
    if (bytes.length > format.maxBytes()) {
      throw YamlProblem.inFile(
          file,
          "the file is larger than "
              + format.maxBytes() / 1024
              + " KiB; a "
              + format.what()
              + " is a few kilobytes",
          "Check that this is the "
              + format.what()
              + " you meant; appbox reads at most "
              + format.maxBytes()
              + " bytes.");
    }
    String text = decode(bytes, file, format);
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(file)
            .setSchema(new CoreSchema())
            .setAllowDuplicateKeys(false)
            .setAllowRecursiveKeys(false)
            .setMaxAliasesForCollections(format.maxAliases())
            .setCodePointLimit(format.maxBytes())
            .setUseMarks(true)
            .build();
    Optional<Node> root;
    try {
      root = new Compose(settings).composeString(text);
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().or(e::getContextMark).map(Mark::getLine).orElse(0) + 1;
      String context = e.getContext() == null ? "" : e.getContext() + ", ";
      throw YamlProblem.at(
          file, line, "", "not valid YAML: " + context + e.getProblem(), format.hint());
    } catch (YamlEngineException e) {
      throw YamlProblem.inFile(file, "not accepted: " + e.getMessage(), format.hint());
    }
    return new YamlField(
        format,
        file,
        "",
        root.orElseThrow(
            () ->
                YamlProblem.at(
                    file,
                    1,
                    "",
                    "the file is empty; a " + format.what() + " needs " + format.needs(),
                    format.hint())));
  }

  private static String decode(byte[] bytes, String file, YamlFormat format) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw YamlProblem.inFile(
          file, "not UTF-8 text", "Save the " + format.what() + " as UTF-8, as YAML files are.");
    }
  }
}
