package io.appbox.profiles;

import io.appbox.core.manifest.Manifest;
import java.nio.file.Path;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.StreamDataWriter;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.CollectionNode;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.representer.StandardRepresenter;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Writes a manifest as YAML that {@link ManifestLoader} reads back into the same manifest: nested
 * mappings in block style, lists of plain values on one line ({@code packages: [git, htop]}), and
 * strings quoted wherever YAML would read them as something else.
 */
public final class ManifestWriter {
  static final String HEADER =
      "# appbox manifest, written by appbox export-manifest. Apply it with: appbox apply -f FILE\n";

  private ManifestWriter() {}

  /**
   * @param userHome paths inside it are written {@code ~/...}
   */
  public static String write(Manifest manifest, Path userHome) {
    DumpSettings settings =
        DumpSettings.builder()
            // The schema the loader reads with, so that a string it would read as null, a number
            // or a boolean ('~', '1.0', 'true') gets quoted.
            .setSchema(new CoreSchema())
            .setDefaultFlowStyle(FlowStyle.BLOCK)
            .setIndent(2)
            .setIndicatorIndent(2)
            .setIndentWithIndicator(true)
            .setSplitLines(false)
            .setWidth(Integer.MAX_VALUE)
            .build();
    Node root =
        new StandardRepresenter(settings).represent(manifest.document(Optional.of(userHome)));
    style(root);
    StringBuilder out = new StringBuilder(HEADER);
    new Dump(settings)
        .dumpNode(
            root,
            new StreamDataWriter() {
              @Override
              public void write(String str) {
                out.append(str);
              }

              @Override
              public void write(String str, int off, int len) {
                out.append(str, off, off + len);
              }
            });
    return out.toString();
  }

  /** Lists and mappings of plain values go on one line; everything else is a block. */
  private static void style(Node node) {
    if (node instanceof MappingNode m) {
      boolean flat = true;
      for (NodeTuple t : m.getValue()) {
        style(t.getValueNode());
        flat &= t.getValueNode() instanceof ScalarNode;
      }
      // Only a bin's {path, as} sits in a list; a box or an export section stays a block.
      m.setFlowStyle(FlowStyle.BLOCK);
      if (flat && m.getValue().size() <= 2 && isBin(m)) {
        m.setFlowStyle(FlowStyle.FLOW);
      }
    } else if (node instanceof SequenceNode s) {
      boolean flat = true;
      for (Node element : s.getValue()) {
        style(element);
        flat &= element instanceof ScalarNode || isFlow(element);
      }
      s.setFlowStyle(flat ? FlowStyle.FLOW : FlowStyle.BLOCK);
    }
  }

  private static boolean isBin(MappingNode m) {
    return m.getValue().stream()
        .allMatch(
            t ->
                t.getKeyNode() instanceof ScalarNode k
                    && (k.getValue().equals("path") || k.getValue().equals("as")));
  }

  private static boolean isFlow(Node node) {
    return node instanceof CollectionNode<?> c && c.getFlowStyle() == FlowStyle.FLOW;
  }
}
