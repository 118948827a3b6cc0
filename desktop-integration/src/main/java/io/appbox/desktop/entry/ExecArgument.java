package io.appbox.desktop.entry;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One argument of an {@code Exec} command line: literal text, a field code such as {@code %F}, or
 * text with field codes inside ({@code --file=%f}), as segments in order.
 */
public record ExecArgument(List<ExecArgument.Segment> segments) {

  /** A piece of an argument. */
  public sealed interface Segment permits Text, FieldCode {}

  /** Literal text, after quoting and {@code %%} are undone. */
  public record Text(String value) implements Segment {
    public Text {
      if (value == null) {
        throw new IllegalArgumentException("text is null");
      }
    }
  }

  /** A field code the launcher expands: one of {@code f F u U i c k}. */
  public record FieldCode(char letter) implements Segment {
    public static final String LETTERS = "fFuUick";

    public FieldCode {
      if (LETTERS.indexOf(letter) < 0) {
        throw new IllegalArgumentException("not a field code: %" + letter);
      }
    }

    @Override
    public String toString() {
      return "%" + letter;
    }
  }

  public ExecArgument {
    if (segments.isEmpty()) {
      throw new IllegalArgumentException("an argument has at least one segment");
    }
    List<Segment> merged = new ArrayList<>();
    for (Segment s : segments) {
      if (s instanceof Text t) {
        if (t.value().isEmpty()) {
          continue;
        }
        int last = merged.size() - 1;
        if (last >= 0 && merged.get(last) instanceof Text before) {
          merged.set(last, new Text(before.value() + t.value()));
          continue;
        }
      }
      merged.add(s);
    }
    if (merged.isEmpty()) {
      merged.add(new Text(""));
    }
    segments = List.copyOf(merged);
  }

  public static ExecArgument literal(String text) {
    return new ExecArgument(List.of(new Text(text)));
  }

  public static ExecArgument fieldCode(char letter) {
    return new ExecArgument(List.of(new FieldCode(letter)));
  }

  /** True for plain text without field codes. */
  public boolean isLiteral() {
    return segments.size() == 1 && segments.get(0) instanceof Text;
  }

  /** The text of a literal argument. */
  public String literal() {
    if (!isLiteral()) {
      throw new IllegalStateException("not a literal argument: " + this);
    }
    return ((Text) segments.get(0)).value();
  }

  /** True for an argument that is one field code and nothing else. */
  public boolean isFieldCode() {
    return segments.size() == 1 && segments.get(0) instanceof FieldCode;
  }

  /** This argument with every text segment passed through {@code change}. */
  public ExecArgument mapText(UnaryOperator<String> change) {
    return new ExecArgument(
        segments.stream()
            .map(s -> s instanceof Text t ? (Segment) new Text(change.apply(t.value())) : s)
            .toList());
  }
}
