package io.appbox.desktop.entry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A desktop entry file (Desktop Entry Specification 1.5) as written: the comments before the first
 * group, then the groups in file order, {@code [Desktop Entry]} first. Writing it back reproduces
 * the file, except that spaces around {@code =} are dropped and lines end in a newline; a change
 * touches only the lines it must.
 *
 * @param preamble comment and blank lines before {@code [Desktop Entry]}, as written
 * @param groups the groups in file order
 */
public record DesktopEntry(List<String> preamble, List<DesktopGroup> groups) {
  /** Desktop files larger than this are refused: 1 MiB. */
  public static final int MAX_BYTES = 1 << 20;

  public DesktopEntry {
    preamble = List.copyOf(preamble);
    groups = List.copyOf(groups);
    for (String line : preamble) {
      new GroupLine.Comment(line);
    }
    if (groups.isEmpty() || !groups.get(0).name().equals(DesktopGroup.DESKTOP_ENTRY)) {
      throw new IllegalArgumentException("[Desktop Entry] must be the first group");
    }
    Set<String> names = new HashSet<>();
    for (DesktopGroup g : groups) {
      if (!names.add(g.name())) {
        throw new IllegalArgumentException("group [" + g.name() + "] twice");
      }
    }
  }

  /** Reads a desktop file; see {@link #parse(String, byte[])}. */
  public static DesktopEntry parse(byte[] content) {
    return parse("desktop file", content);
  }

  /**
   * Reads a desktop file, refusing with {@code INVALID_INPUT} anything the specification does not
   * allow: more than {@link #MAX_BYTES}, bytes that are not UTF-8, NUL bytes, no {@code [Desktop
   * Entry]} group first, a repeated group or key, a bad key, a line of no known kind.
   *
   * @param origin names the file in messages, such as the path inside the box
   */
  public static DesktopEntry parse(String origin, byte[] content) {
    return new DesktopEntryParser(origin).parse(content);
  }

  /** Reads a desktop file from a stream, reading no more than one byte past the limit. */
  public static DesktopEntry read(String origin, InputStream in) throws IOException {
    byte[] content = in.readNBytes(MAX_BYTES + 1);
    return parse(origin, content);
  }

  /** Reads a desktop file on the host; a file over the limit is refused before it is read. */
  public static DesktopEntry read(Path file) throws IOException {
    long size = Files.size(file);
    if (size > MAX_BYTES) {
      throw DesktopEntryParser.tooLarge(file.toString(), size);
    }
    try (InputStream in = Files.newInputStream(file)) {
      return read(file.toString(), in);
    }
  }

  /** The {@code [Desktop Entry]} group. */
  public DesktopGroup main() {
    return groups.get(0);
  }

  public Optional<DesktopGroup> group(String name) {
    return groups.stream().filter(g -> g.name().equals(name)).findFirst();
  }

  /** The {@code [Desktop Action ID]} groups, in file order. */
  public List<DesktopGroup> actions() {
    return groups.stream().filter(DesktopGroup::isAction).toList();
  }

  /** This entry with the group of the same name replaced, or added at the end. */
  public DesktopEntry withGroup(DesktopGroup group) {
    List<DesktopGroup> out = new ArrayList<>(groups);
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i).name().equals(group.name())) {
        out.set(i, group);
        return new DesktopEntry(preamble, out);
      }
    }
    out.add(group);
    return new DesktopEntry(preamble, out);
  }

  public DesktopEntry withoutGroup(String name) {
    if (name.equals(DesktopGroup.DESKTOP_ENTRY)) {
      throw new IllegalArgumentException("[Desktop Entry] cannot be removed");
    }
    return new DesktopEntry(preamble, groups.stream().filter(g -> !g.name().equals(name)).toList());
  }

  /** This entry with every group passed through {@code change}. */
  public DesktopEntry mapGroups(UnaryOperator<DesktopGroup> change) {
    return new DesktopEntry(preamble, groups.stream().map(change).toList());
  }

  /** The file's text, each line ended by a newline. */
  public String toText() {
    StringBuilder out = new StringBuilder();
    for (String line : preamble) {
      out.append(line).append('\n');
    }
    for (DesktopGroup g : groups) {
      out.append('[').append(g.name()).append("]\n");
      for (GroupLine line : g.lines()) {
        out.append(line.text()).append('\n');
      }
    }
    return out.toString();
  }

  /** The file's bytes, UTF-8. */
  public byte[] toBytes() {
    return toText().getBytes(StandardCharsets.UTF_8);
  }
}
