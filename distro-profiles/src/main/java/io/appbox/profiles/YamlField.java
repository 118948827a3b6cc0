package io.appbox.profiles;

import io.appbox.core.AppboxException;
import io.appbox.core.Quote;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * One node of a YAML file together with where it is: the file, and the field path such as {@code
 * commands.install.argv[2]}. Every typed read either returns the value or fails naming the file,
 * the node's line and the path.
 *
 * @param format the format being read, for the hint that goes with a problem
 * @param file the file name shown in messages
 * @param path dotted field path; empty for the document itself
 * @param node the YAML node
 */
record YamlField(YamlFormat format, String file, String path, Node node) {

  /** 1-based line where the node starts. */
  int line() {
    return node.getStartMark().map(mark -> mark.getLine() + 1).orElse(1);
  }

  AppboxException problem(String what) {
    return YamlProblem.at(file, line(), path, what, format.hint());
  }

  AppboxException problem(String what, String hint) {
    return YamlProblem.at(file, line(), path, what, hint);
  }

  YamlField child(String key, Node value) {
    return new YamlField(format, file, path.isEmpty() ? key : path + "." + key, value);
  }

  YamlField element(int index, Node value) {
    return new YamlField(format, file, path + "[" + index + "]", value);
  }

  boolean isString() {
    // ${VAR} resolves to the env tag; appbox never expands it, so it is plain text here.
    return node instanceof ScalarNode
        && (node.getTag().equals(Tag.STR) || node.getTag().equals(Tag.ENV_TAG));
  }

  /** An empty value ({@code key:} with nothing after it, or {@code null}). */
  boolean isNull() {
    return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
  }

  boolean isSequence() {
    return node instanceof SequenceNode;
  }

  boolean isMapping() {
    return node instanceof MappingNode;
  }

  String string() {
    if (!isString()) {
      throw problem("expected a string, found " + describe(node));
    }
    String value = ((ScalarNode) node).getValue();
    if (value.indexOf('\0') >= 0) {
      throw problem("a NUL character cannot be passed to a program");
    }
    return value;
  }

  /** A string with something in it. */
  String text() {
    String value = string();
    if (value.isBlank()) {
      throw problem("must not be empty");
    }
    return value;
  }

  boolean bool() {
    if (!(node instanceof ScalarNode) || !node.getTag().equals(Tag.BOOL)) {
      throw problem("expected true or false, found " + describe(node));
    }
    return Boolean.parseBoolean(((ScalarNode) node).getValue().toLowerCase(Locale.ROOT));
  }

  List<YamlField> elements() {
    if (!isSequence()) {
      throw problem("expected a list, found " + describe(node));
    }
    List<Node> nodes = ((SequenceNode) node).getValue();
    List<YamlField> out = new ArrayList<>(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      out.add(element(i, nodes.get(i)));
    }
    return out;
  }

  List<String> strings() {
    if (!isSequence()) {
      throw problem("expected a list of strings, found " + describe(node));
    }
    List<String> out = new ArrayList<>();
    for (YamlField element : elements()) {
      if (!element.isString()) {
        throw element.problem("expected a string, found " + describe(element.node()));
      }
      out.add(element.string());
    }
    return out;
  }

  YamlMapping mapping(List<String> allowedKeys) {
    if (!isMapping()) {
      throw problem(
          "expected a mapping of " + String.join(", ", allowedKeys) + ", found " + describe(node));
    }
    return YamlMapping.of(this, allowedKeys);
  }

  /** A mapping whose keys are free, such as environment variable names. */
  YamlMapping anyMapping(String whatKeys) {
    if (!isMapping()) {
      throw problem("expected a mapping of " + whatKeys + ", found " + describe(node));
    }
    return YamlMapping.of(this, null);
  }

  /** What a node is, in words, for "expected X, found Y". */
  static String describe(Node node) {
    if (node instanceof SequenceNode) {
      return "a list";
    }
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    ScalarNode scalar = (ScalarNode) node;
    Tag tag = scalar.getTag();
    if (tag.equals(Tag.STR) || tag.equals(Tag.ENV_TAG)) {
      return "the string " + Quote.of(scalar.getValue());
    }
    if (tag.equals(Tag.NULL)) {
      return "nothing";
    }
    if (tag.equals(Tag.BOOL)) {
      return "the boolean " + scalar.getValue() + " (quote it to make it a string)";
    }
    if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
      return "the number " + scalar.getValue() + " (quote it to make it a string)";
    }
    return "a value tagged " + tag.getValue();
  }
}
