package io.appbox.cli;

import java.util.ArrayList;
import java.util.List;

/** Rows printed in aligned columns, the header bold on a colour terminal. */
final class Table {
  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  Table(String... headers) {
    this.headers = List.of(headers);
  }

  Table row(Object... cells) {
    List<String> row = new ArrayList<>();
    for (Object c : cells) {
      row.add(Text.printable(c == null ? "-" : c.toString()));
    }
    rows.add(row);
    return this;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  String render(boolean color) {
    int[] widths = new int[headers.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = headers.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).codePointCount(0, row.get(i).length()));
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, headers, widths, color ? "\u001b[1m" : "", color ? "\u001b[0m" : "");
    for (List<String> row : rows) {
      line(out, row, widths, "", "");
    }
    return out.toString();
  }

  private static void line(
      StringBuilder out, List<String> cells, int[] widths, String on, String off) {
    StringBuilder line = new StringBuilder(on);
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      line.append(cell);
      if (i < cells.size() - 1) {
        line.append(" ".repeat(widths[i] - cell.codePointCount(0, cell.length()) + 2));
      }
    }
    out.append(line.toString().stripTrailing()).append(off).append('\n');
  }
}
