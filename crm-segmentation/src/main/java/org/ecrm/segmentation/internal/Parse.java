package org.ecrm.segmentation.internal;

import org.ecrm.segmentation.internal.util.CustomerIds;

/** Allocation-free parsers for the CSV adapter. Each returns normally or throws with a message. */
public final class Parse {
  private Parse() {
  }

  /**
   * The engine key of a stripped customer id: the id itself when it is a 64-bit integer (a trailing
   * ".0", as spreadsheets write ids, is accepted), else the key of the named id (see {@link CustomerIds});
   * the caller keeps the text for a named key.
   *
   * @throws IllegalArgumentException with the reason when the text cannot be a customer id
   */
  public static long customer(String s) {
    long k = CustomerIds.numericKey(s);
    if (k != CustomerIds.NOT_NUMERIC) {
      return k;
    }
    if (s.indexOf('\uFFFD') >= 0) {
      throw new IllegalArgumentException("invalid UTF-8 (or U+FFFD)"); // the decoder's mark of bad bytes
    }
    return CustomerIds.key(s);
  }

  /**
   * The reason for a field that did not parse: "invalid UTF-8" when the decoder replaced bytes in it,
   * else the parser's message.
   */
  public static String reason(String raw, RuntimeException e) {
    if (raw.isBlank()) {
      return "missing";
    }
    if (raw.indexOf('\uFFFD') >= 0) {
      return "invalid UTF-8 (or U+FFFD)";
    }
    if (e instanceof java.time.DateTimeException) {
      return "not a valid date";
    }
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }

  /** Days since 1970-01-01 of an ISO yyyy-MM-dd date (anything after the 10th char ignored). */
  public static long epochDay(String s) {
    if (s.length() < 10 || s.charAt(4) != '-' || s.charAt(7) != '-'
        || (s.length() > 10 && s.charAt(10) != ' ' && s.charAt(10) != 'T')) {
      throw new IllegalArgumentException("not an ISO date yyyy-MM-dd");
    }
    int y = digits(s, 0, 4);
    int m = digits(s, 5, 7);
    int d = digits(s, 8, 10);
    return java.time.LocalDate.of(y, m, d).toEpochDay();
  }

  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("not an ISO date yyyy-MM-dd");
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /**
   * A plain decimal as minor units with {@code fraction} digits: "12.5" with 2 gives 1250.
   *
   * @throws IllegalArgumentException on more fraction digits, a bad character or overflow
   */
  public static long minorUnits(String s, int fraction) {
    int n = s.length();
    int i = 0;
    boolean neg = false;
    if (n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      neg = s.charAt(0) == '-';
      i = 1;
    }
    if (i == n) {
      throw new IllegalArgumentException("not a decimal number");
    }
    long v = 0;
    int frac = -1;
    boolean any = false;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c == '.' && frac < 0) {
        frac = 0;
        continue;
      }
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("not a decimal number");
      }
      any = true;
      if (frac >= 0 && ++frac > fraction) {
        if (c != '0') {
          throw new IllegalArgumentException("has more than " + fraction + " fraction digits");
        }
        continue;
      }
      try {
        v = Math.addExact(Math.multiplyExact(v, 10), c - '0');
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("overflows a 64-bit amount in minor units");
      }
    }
    if (!any) {
      throw new IllegalArgumentException("not a decimal number");
    }
    for (int k = Math.max(frac, 0); k < fraction; k++) {
      try {
        v = Math.multiplyExact(v, 10);
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("overflows a 64-bit amount in minor units");
      }
    }
    return neg ? -v : v;
  }
}
