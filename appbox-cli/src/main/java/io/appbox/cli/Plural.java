package io.appbox.cli;

/** A count with its noun, singular or plural as the count wants: 1 export, 6 exports. */
final class Plural {
  private Plural() {}

  static String of(int count, String one) {
    return of(count, one, one + "s");
  }

  static String of(int count, String one, String many) {
    return count + " " + (count == 1 ? one : many);
  }
}
