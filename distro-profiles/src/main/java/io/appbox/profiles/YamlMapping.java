package io.appbox.profiles;

import io.appbox.core.Quote;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * The fields of one YAML mapping, checked on the way in: keys are strings, none is repeated, and
 * (when the keys are fixed) none is unknown, so that a typo is an error and not a silent default.
 */
final class YamlMapping {
  private final YamlField self;
  private final Map<String, YamlField> fields;
  private final Map<String, YamlField> keys;

  private YamlMapping(YamlField self, Map<String, YamlField> fields, Map<String, YamlField> keys) {
    this.self = self;
    this.fields = fields;
    this.keys = keys;
  }

  /**
   * @param allowedKeys the keys this mapping may have, or null when any string key is fine
   */
  static YamlMapping of(YamlField self, List<String> allowedKeys) {
    Map<String, YamlField> fields = new LinkedHashMap<>();
    Map<String, YamlField> keys = new LinkedHashMap<>();
    for (NodeTuple tuple : ((MappingNode) self.node()).getValue()) {
      YamlField keyField =
          new YamlField(self.format(), self.file(), self.path(), tuple.getKeyNode());
      if (!keyField.isString()) {
        throw keyField.problem(
            "expected a field name, found " + YamlField.describe(tuple.getKeyNode()));
      }
      String key = keyField.string();
      YamlField value = self.child(key, tuple.getValueNode());
      // The key's line, not the value's: that is the line the user typed the key on.
      YamlField located =
          new YamlField(self.format(), self.file(), value.path(), tuple.getKeyNode());
      YamlField earlier = fields.get(key);
      if (earlier != null) {
        throw located.problem(
            "given twice (first on line " + earlier.line() + ")",
            "Keep one of the two; YAML mappings cannot repeat a key.");
      }
      if (allowedKeys != null && !allowedKeys.contains(key)) {
        throw located.problem(
            "unknown field; expected one of " + String.join(", ", allowedKeys),
            hintFor(key, allowedKeys, self.format()));
      }
      fields.put(key, value);
      keys.put(key, located);
    }
    return new YamlMapping(self, fields, keys);
  }

  YamlField self() {
    return self;
  }

  Optional<YamlField> optional(String key) {
    return Optional.ofNullable(fields.get(key));
  }

  YamlField required(String key) {
    YamlField field = fields.get(key);
    if (field == null) {
      String path = self.path().isEmpty() ? key : self.path() + "." + key;
      throw YamlProblem.at(
          self.file(), self.line(), path, "missing; this field is required", self.format().hint());
    }
    return field;
  }

  /**
   * The key itself, located on the line it was typed, with the value's path: for problems with the
   * key, such as a box name that is not valid.
   */
  YamlField key(String key) {
    return keys.get(key);
  }

  Map<String, YamlField> fields() {
    return Collections.unmodifiableMap(fields);
  }

  private static String hintFor(String key, List<String> allowedKeys, YamlFormat format) {
    return Spelling.closest(key, allowedKeys)
        .map(near -> "Did you mean " + Quote.of(near) + "?")
        .orElse(format.hint());
  }
}
