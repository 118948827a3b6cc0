package io.appbox.desktop.entry;

import io.appbox.core.AppboxException;
import io.appbox.core.Quote;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A key of a desktop entry, {@code Name} or localized {@code Name[ll_CC.ENCODING@MODIFIER]}. Key
 * names are ASCII letters, digits and {@code -}.
 *
 * @param name the key name, such as {@code Name}
 * @param locale the locale in brackets, or empty for the unlocalized key
 */
public record EntryKey(String name, String locale) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9-]+");
  private static final Pattern LOCALE =
      Pattern.compile(
          "[A-Za-z][A-Za-z0-9-]*(_[A-Za-z0-9]+)?(\\.[A-Za-z0-9_-]+)?(@[A-Za-z0-9_-]+)?");
  private static final Pattern KEY = Pattern.compile("([^\\[\\]]*)(?:\\[([^\\[\\]]+)\\])?");

  public EntryKey {
    if (name == null || !NAME.matcher(name).matches()) {
      throw AppboxException.invalid(
          "Desktop entry key " + Quote.of(name) + " is not valid.",
          "Key names use only the letters A-Z and a-z, digits and '-'.");
    }
    locale = locale == null ? "" : locale;
    if (!locale.isEmpty() && !LOCALE.matcher(locale).matches()) {
      throw AppboxException.invalid(
          "Locale "
              + Quote.of(locale)
              + " of desktop entry key "
              + Quote.of(name)
              + " is not valid.",
          "Localized keys look like Name[de], Name[pt_BR] or Name[sr@latin].");
    }
  }

  public static EntryKey of(String name) {
    return new EntryKey(name, "");
  }

  /** Reads {@code Name} or {@code Name[locale]}. */
  public static EntryKey parse(String text) {
    Matcher m = KEY.matcher(text);
    if (!m.matches()) {
      throw AppboxException.invalid(
          "Desktop entry key " + Quote.of(text) + " is not valid.",
          "Keys look like Name or Name[de]; key names use only A-Z, a-z, 0-9 and '-'.");
    }
    return new EntryKey(m.group(1), m.group(2));
  }

  // Written out: a record's generated equals and hashCode spin method handles on their first call,
  // about 10 ms of every export, which the start-up cache cannot hold.
  @Override
  public boolean equals(Object o) {
    return o instanceof EntryKey k && name.equals(k.name) && locale.equals(k.locale);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + locale.hashCode();
  }

  public boolean isLocalized() {
    return !locale.isEmpty();
  }

  @Override
  public String toString() {
    return locale.isEmpty() ? name : name + "[" + locale + "]";
  }
}
