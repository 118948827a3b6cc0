package io.appbox.core.pkg;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The order of search results: the closest name matches first (the name is the query, then starts
 * with it, then contains it), then the packages that match by their summary only; within each, the
 * shorter name first, then by name.
 */
final class SearchRanking {
  private SearchRanking() {}

  static List<SearchHit> rank(List<SearchHit> hits, List<String> words) {
    List<String> query = words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
    // Not Comparator's combinators: they make classes at run time that the start-up cache cannot
    // hold, a few milliseconds of every search.
    Comparator<SearchHit> order =
        (a, b) -> {
          int c = Integer.compare(closeness(a.name(), query), closeness(b.name(), query));
          if (c == 0) {
            c = Integer.compare(a.name().length(), b.name().length());
          }
          return c != 0 ? c : a.name().compareTo(b.name());
        };
    return hits.stream().sorted(order).toList();
  }

  /** 0: the name is the query; 1: starts with it; 2: contains it; 3: matched elsewhere. */
  static int closeness(String name, List<String> query) {
    String n = name.toLowerCase(Locale.ROOT);
    String joined = String.join("-", query);
    if (n.equals(joined) || query.contains(n)) {
      return 0;
    }
    if (n.startsWith(joined) || query.stream().anyMatch(n::startsWith)) {
      return 1;
    }
    if (query.stream().anyMatch(n::contains)) {
      return 2;
    }
    return 3;
  }

  /** Whether every word is in the name or the summary, as apt-cache search matches. */
  static boolean matchesAll(SearchHit hit, List<String> words) {
    String text = (hit.name() + "\n" + hit.summary()).toLowerCase(Locale.ROOT);
    return words.stream().allMatch(w -> text.contains(w.toLowerCase(Locale.ROOT)));
  }
}
