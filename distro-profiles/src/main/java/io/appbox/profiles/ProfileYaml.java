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
 * Turns the bytes of a profile into one YAML node tree, and nothing more: no objects are
 * constructed, so every later check still knows the line each value came from. The limits keep a
 * hostile file (huge, or an alias bomb) from costing more than a small one.
 */
final class ProfileYaml {
  static final int MAX_BYTES = 256 * 1024;

  /** A profile needs no aliases at all; a few are allowed for sharing an argv list. */
  static final int MAX_ALIASES = 16;

  private ProfileYaml() {}

  static YamlField compose(byte[] bytes, String file) {
    if (bytes.length > MAX_BYTES) {
      throw ProfileProblem.inFile(
          file,
          "the file is larger than " + MAX_BYTES / 1024 + " KiB; a profile is a few kilobytes",
          "Check that this is the profile you meant; appbox reads at most "
              + MAX_BYTES
              + " bytes.");
    }
    String text = decode(bytes, file);
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(file)
            .setSchema(new CoreSchema())
            .setAllowDuplicateKeys(false)
            .setAllowRecursiveKeys(false)
            .setMaxAliasesForCollections(MAX_ALIASES)
            .setCodePointLimit(MAX_BYTES)
            .setUseMarks(true)
            .build();
    Optional<Node> root;
    try {
      root = new Compose(settings).composeString(text);
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().or(e::getContextMark).map(Mark::getLine).orElse(0) + 1;
      String context = e.getContext() == null ? "" : e.getContext() + ", ";
      throw ProfileProblem.at(file, line, "", "not valid YAML: " + context + e.getProblem());
    } catch (YamlEngineException e) {
      throw ProfileProblem.inFile(file, "not accepted: " + e.getMessage(), ProfileProblem.HINT);
    }
    return new YamlField(
        file,
        "",
        root.orElseThrow(
            () ->
                ProfileProblem.at(
                    file,
                    1,
                    "",
                    "the file is empty; a profile needs id, name, image and commands")));
  }

  private static String decode(byte[] bytes, String file) {
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
      throw ProfileProblem.inFile(
          file, "not UTF-8 text", "Save the profile as UTF-8, as YAML files are.");
    }
  }
}
