package io.appbox.core.box;

import java.security.SecureRandom;

/**
 * Random names appbox gives: a box's id and a throwaway box's name. The random source is made on
 * first use, not when boxes are first touched: {@code list} and {@code run} never need one.
 */
final class BoxIds {
  private static final SecureRandom RANDOM = new SecureRandom();

  private BoxIds() {}

  /** A box's id: 16 hexadecimal digits. */
  static String newId() {
    return String.format("%016x", RANDOM.nextLong());
  }

  /** A short suffix of lowercase letters and digits, for a throwaway box's name. */
  static String suffix() {
    return Long.toString(RANDOM.nextLong() & 0xffffffffffL, 36);
  }
}
