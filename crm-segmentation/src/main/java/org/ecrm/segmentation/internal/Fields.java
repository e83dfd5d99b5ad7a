package org.ecrm.segmentation.internal;

/**
 * Parsers for the plain forms of the CSV fields, over ASCII bytes: a value that is not in the plain
 * form gives {@link Long#MIN_VALUE}, and the caller then hands the text to {@link Parse}, which gives
 * the same value or the error message. Shared by {@link PlainCsv} and {@link CsvSource}. Stateless
 * except {@link Days}.
 */
final class Fields {
  private Fields() {
  }

  /** Epoch days of {@code yyyy-MM-dd} fields, cached for 1970..2099. Not thread-safe: one per reader. */
  static final class Days {
    /** Epoch day + 1 by (year, month, day) slot; 0 = not computed yet. */
    private final long[] cache = new long[130 * 12 * 31];

    /** {@code yyyy-MM-dd}, then nothing or ' ' or 'T' and anything; else Long.MIN_VALUE. */
    long epochDay(byte[] b, int s, int e) {
      int len = e - s;
      if (len < 10 || b[s + 4] != '-' || b[s + 7] != '-' || (len > 10 && b[s + 10] != ' ' && b[s + 10] != 'T')) {
        return Long.MIN_VALUE;
      }
      int y = digits(b, s, 4);
      int m = digits(b, s + 5, 2);
      int d = digits(b, s + 8, 2);
      if (y < 0 || m < 0 || d < 0) {
        return Long.MIN_VALUE;
      }
      if (y >= 1970 && y < 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31) {
        int slot = ((y - 1970) * 12 + m - 1) * 31 + d - 1;
        long cached = cache[slot];
        if (cached == 0) {
          long day = civilDay(y, m, d);
          cached = day == Long.MIN_VALUE ? Long.MIN_VALUE : day + 1;
          cache[slot] = cached;
        }
        return cached == Long.MIN_VALUE ? cached : cached - 1;
      }
      return civilDay(y, m, d);
    }
  }

  /**
   * Days since 1970-01-01 of a valid year 0..9999, month and day (the arithmetic of
   * {@link LocalDate#toEpochDay()}), or Long.MIN_VALUE for a day that does not exist.
   */
  static long civilDay(int y, int m, int d) {
    if (m < 1 || m > 12 || d < 1) {
      return Long.MIN_VALUE;
    }
    boolean leap = (y & 3) == 0 && (y % 100 != 0 || y % 400 == 0);
    int monthDays = m == 2 ? (leap ? 29 : 28) : (m == 4 || m == 6 || m == 9 || m == 11) ? 30 : 31;
    if (d > monthDays) {
      return Long.MIN_VALUE;
    }
    long total = 365L * y + (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400 + (367 * m - 362) / 12 + d - 1;
    if (m > 2) {
      total -= leap ? 1 : 2;
    }
    return total - 719_528;
  }

  private static int digits(byte[] b, int off, int n) {
    int v = 0;
    for (int i = off; i < off + n; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  /** A plain signed integer (optionally ending ".0"), or Long.MIN_VALUE to use the string path. */
  static long customer(byte[] b, int s, int e) {
    int end = e;
    if (e - s > 2 && b[end - 2] == '.' && b[end - 1] == '0') {
      end -= 2;
    }
    int i = s;
    boolean neg = false;
    if (i < end && (b[i] == '-' || b[i] == '+')) {
      neg = b[i] == '-';
      i++;
    }
    if (i == end || end - i > 18) {
      return Long.MIN_VALUE;
    }
    long v = 0;
    for (; i < end; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return Long.MIN_VALUE;
      }
      v = v * 10 + d;
    }
    return neg ? -v : v;
  }

  /** A plain decimal in minor units, or Long.MIN_VALUE to use the string path. */
  static long minorUnits(byte[] b, int s, int e, int fraction) {
    int i = s;
    boolean neg = false;
    if (i < e && (b[i] == '-' || b[i] == '+')) {
      neg = b[i] == '-';
      i++;
    }
    long v = 0;
    int seen = 0;
    while (i < e) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        break;
      }
      v = v * 10 + d;
      i++;
      if (++seen > 18) {
        return Long.MIN_VALUE; // might overflow: let the exact path decide
      }
    }
    int f = 0;
    if (i < e && b[i] == '.') {
      i++;
      while (i < e) {
        int d = b[i] - '0';
        if (d < 0 || d > 9) {
          return Long.MIN_VALUE;
        }
        if (f < fraction) {
          v = v * 10 + d;
          f++;
          seen++;
        } else if (d != 0) {
          return Long.MIN_VALUE;
        }
        i++;
      }
    }
    if (i != e || seen == 0 && f == 0 || seen + fraction - f > 18) {
      return Long.MIN_VALUE;
    }
    for (; f < fraction; f++) {
      v *= 10;
    }
    return neg ? -v : v;
  }
}
