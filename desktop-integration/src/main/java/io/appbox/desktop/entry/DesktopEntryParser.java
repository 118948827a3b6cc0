package io.appbox.desktop.entry;

import io.appbox.core.AppboxException;
import io.appbox.core.Quote;
import io.appbox.desktop.entry.GroupLine.Comment;
import io.appbox.desktop.entry.GroupLine.KeyValue;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads the bytes of a desktop file into a {@link DesktopEntry}, strictly. */
final class DesktopEntryParser {
  private static final String HINT =
      "appbox exports only desktop files that follow the Desktop Entry Specification;"
          + " check the file with desktop-file-validate.";

  private final String origin;

  DesktopEntryParser(String origin) {
    this.origin = origin;
  }

  static AppboxException tooLarge(String origin, long size) {
    return AppboxException.invalid(
        "Desktop file "
            + Quote.of(origin)
            + " is larger than "
            + DesktopEntry.MAX_BYTES / 1024
            + " KiB"
            + (size > DesktopEntry.MAX_BYTES ? " (" + size + " bytes)" : "")
            + ".",
        "Desktop files are small text files; this one is not a desktop entry appbox will read.");
  }

  DesktopEntry parse(byte[] content) {
    if (content.length > DesktopEntry.MAX_BYTES) {
      throw tooLarge(origin, content.length);
    }
    for (int i = 0; i < content.length; i++) {
      if (content[i] == 0) {
        throw refused("holds a NUL byte at offset " + i);
      }
    }
    String text = decode(content);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<String> preamble = new ArrayList<>();
    List<DesktopGroup> groups = new ArrayList<>();
    Set<String> groupNames = new HashSet<>();
    String groupName = null;
    List<GroupLine> lines = new ArrayList<>();
    Set<EntryKey> keys = new HashSet<>();

    String[] split = text.split("\n", -1);
    int count = text.endsWith("\n") ? split.length - 1 : split.length;
    for (int n = 0; n < count; n++) {
      int lineNo = n + 1;
      String line = split[n];
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      if (line.indexOf('\r') >= 0) {
        throw refused("has a carriage return inside line " + lineNo);
      }
      String trimmed = stripLeading(line);
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        if (groupName == null) {
          preamble.add(line);
        } else {
          lines.add(new Comment(line));
        }
      } else if (trimmed.startsWith("[")) {
        String name = groupHeader(trimmed, lineNo);
        if (groupName == null && !name.equals(DesktopGroup.DESKTOP_ENTRY)) {
          throw refused(
              "starts with group "
                  + Quote.of("[" + name + "]")
                  + " on line "
                  + lineNo
                  + "; the first group must be [Desktop Entry]");
        }
        if (!groupNames.add(name)) {
          throw refused("has group " + Quote.of("[" + name + "]") + " twice (line " + lineNo + ")");
        }
        if (groupName != null) {
          groups.add(new DesktopGroup(groupName, lines));
        }
        groupName = name;
        lines = new ArrayList<>();
        keys = new HashSet<>();
      } else {
        int eq = trimmed.indexOf('=');
        if (eq < 0) {
          throw refused(
              "has line "
                  + lineNo
                  + " that is neither a comment, a group header nor a key=value pair: "
                  + Quote.of(line));
        }
        if (groupName == null) {
          throw refused("has a key on line " + lineNo + " before the [Desktop Entry] group");
        }
        EntryKey key = key(trimmed.substring(0, eq).stripTrailing(), lineNo);
        if (!keys.add(key)) {
          throw refused(
              "has key "
                  + Quote.of(key.toString())
                  + " twice in group "
                  + Quote.of("[" + groupName + "]")
                  + " (line "
                  + lineNo
                  + ")");
        }
        lines.add(new KeyValue(key, stripLeading(trimmed.substring(eq + 1))));
      }
    }
    if (groupName == null) {
      throw refused("has no [Desktop Entry] group");
    }
    groups.add(new DesktopGroup(groupName, lines));
    return new DesktopEntry(preamble, groups);
  }

  private String decode(byte[] content) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(content);
    CharBuffer out = CharBuffer.allocate(content.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      throw refused("is not valid UTF-8 (bad byte at offset " + in.position() + ")");
    }
    return out.flip().toString();
  }

  private String groupHeader(String trimmed, int lineNo) {
    String header = trimmed.stripTrailing();
    if (!header.endsWith("]") || header.length() < 3) {
      throw refused("has a malformed group header on line " + lineNo + ": " + Quote.of(trimmed));
    }
    String name = header.substring(1, header.length() - 1);
    try {
      DesktopGroup.checkName(name);
    } catch (AppboxException e) {
      throw refused("has a bad group name on line " + lineNo + ": " + Quote.of(name));
    }
    return name;
  }

  private EntryKey key(String text, int lineNo) {
    try {
      return EntryKey.parse(text);
    } catch (AppboxException e) {
      throw refused("has a bad key on line " + lineNo + ": " + e.getMessage());
    }
  }

  private static String stripLeading(String s) {
    int i = 0;
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    return s.substring(i);
  }

  private AppboxException refused(String what) {
    return AppboxException.invalid("Desktop file " + Quote.of(origin) + " " + what + ".", HINT);
  }
}
