package org.ecrm.segmentation.internal.util;

import org.jspecify.annotations.Nullable;

/**
 * The engine's customer keys for the host's customer ids. An id that is a 64-bit integer (optionally
 * with a trailing {@code .0}, as spreadsheets write ids) at or above {@code -2^62} is its own key, so
 * {@code 0042}, {@code 42} and {@code 42.0} are one customer, written back as {@code 42}. Any other id
 * ({@code abc}, {@code C-0042}) is a <em>named</em> id: its key is a 62-bit hash of its text, placed below
 * {@code -2^62} where no numeric key lies, and the engine keeps the text to give it back. The key depends
 * on the text alone, so parts read by different threads or processes agree on it without coordination;
 * two different names with one key (about one chance in 10^5 among 10 million names) are reported as a
 * rejected record rather than merged. Stateless.
 */
public final class CustomerIds {
  /** The longest id, in characters, as crm-core's {@code CustomerId} allows. */
  public static final int MAX_LENGTH = 128;
  /** Keys below this are named ids' keys. */
  private static final long NAMED_BELOW = -(1L << 62);
  /** What {@link #numericKey} returns for an id that is not numeric. */
  public static final long NOT_NUMERIC = Long.MIN_VALUE;

  private CustomerIds() {
  }

  /** Whether {@code key} is a named id's key (its text is kept beside it). */
  public static boolean isNamed(long key) {
    return key < NAMED_BELOW;
  }

  /**
   * The key of an id that is a plain 64-bit integer at or above {@code -2^62} (sign, digits, optional
   * {@code .0}), else {@link #NOT_NUMERIC}.
   */
  public static long numericKey(CharSequence s) {
    int end = s.length();
    if (end > 2 && s.charAt(end - 2) == '.' && s.charAt(end - 1) == '0') {
      end -= 2;
    }
    int i = end > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
    if (i == end) {
      return NOT_NUMERIC;
    }
    for (; i < end; i++) { // digits only, so that text ids cost no exception
      if (Character.digit(s.charAt(i), 10) < 0) {
        return NOT_NUMERIC;
      }
    }
    try {
      long v = Long.parseLong(s, 0, end, 10);
      return isNamed(v) ? NOT_NUMERIC : v;
    } catch (NumberFormatException e) {
      return NOT_NUMERIC;
    }
  }

  /** The key of a named id: a 62-bit hash of its text below {@code -2^62}. */
  public static long namedKey(String id) {
    long h = 0xcbf29ce484222325L; // FNV-1a over the UTF-16 units, then a 64-bit finaliser
    for (int i = 0; i < id.length(); i++) {
      h = (h ^ id.charAt(i)) * 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return Long.MIN_VALUE + (h >>> 2);
  }

  /**
   * The key of a valid id (see {@link #problem}): its number, or its name's hash.
   *
   * @throws IllegalArgumentException with {@link #problem}'s reason when the id is not valid
   */
  public static long key(String id) {
    String why = problem(id);
    if (why != null) {
      throw new IllegalArgumentException(why);
    }
    long k = numericKey(id);
    return k != NOT_NUMERIC ? k : namedKey(id);
  }

  /**
   * Why {@code id} cannot be a customer id, or null when it can: it must not be empty or start or end
   * with white space, must not be longer than {@link #MAX_LENGTH} characters and must not hold control
   * characters.
   */
  public static @Nullable String problem(String id) {
    if (id.isBlank()) {
      return "missing";
    }
    if (id.length() > MAX_LENGTH) {
      return "is " + id.length() + " characters long, more than " + MAX_LENGTH + " for a customer id";
    }
    if (Character.isWhitespace(id.charAt(0)) || Character.isWhitespace(id.charAt(id.length() - 1))) {
      return "starts or ends with white space";
    }
    for (int i = 0; i < id.length(); i++) {
      if (Character.isISOControl(id.charAt(i))) {
        return "has a control character (U+" + String.format("%04X", (int) id.charAt(i)) + ")";
      }
    }
    return null;
  }

  /** The id text of {@code key}: its name when named, else its number. */
  public static String text(long key, @Nullable String name) {
    return name != null ? name : Long.toString(key);
  }
}
