package org.ecrm.core.io;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Makes strings from data safe for the place they go to. Used by every message, terminal line and CSV
 * file the library and the command line write.
 *
 * <ul>
 *   <li>{@link #escape}: control characters (C0, DEL, C1) and the bidirectional-override characters are
 *       written as escapes — {@code \e} for ESC, {@code \t}, {@code \r}, {@code \n}, {@code \0},
 *       {@code \xHH} for the other C0 and DEL, {@code \}{@code uHHHH} for C1 and the bidi controls, so a
 *       terminal shows the data and never obeys it (escaping twice changes nothing);</li>
 *   <li>{@link #abbreviate}: escaped and cut to {@link #MAX_SHOWN} characters, with the full length
 *       stated, so a 10 MB field does not flood a terminal;</li>
 *   <li>{@link #csvCell}: an RFC 4180 cell that a spreadsheet will not run as a formula (OWASP CSV
 *       injection): a cell starting with {@code =}, {@code +}, {@code -}, {@code @}, tab or CR gets a
 *       leading {@code '} unless it is a number, which stays a number;</li>
 *   <li>{@link #message}: the one form of a rejected row, {@code FILE:LINE: FIELD: reason 'value'}.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class SafeText {
  /** How many characters of a value {@link #abbreviate} shows. */
  public static final int MAX_SHOWN = 200;

  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private SafeText() {
  }

  /** Whether {@code c} is escaped by {@link #escape}. */
  public static boolean needsEscape(char c) {
    return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069);
  }

  /** {@code s} with control characters escaped (see the class comment); the whole string. */
  public static String escape(CharSequence s) {
    Objects.requireNonNull(s, "s");
    int n = s.length();
    int i = 0;
    while (i < n && !needsEscape(s.charAt(i))) {
      i++;
    }
    if (i == n) {
      return s.toString();
    }
    StringBuilder b = new StringBuilder(n + 16).append(s, 0, i);
    for (; i < n; i++) {
      appendEscaped(b, s.charAt(i));
    }
    return b.toString();
  }

  private static void appendEscaped(StringBuilder b, char c) {
    if (!needsEscape(c)) {
      b.append(c);
      return;
    }
    switch (c) {
      case 0x1b -> b.append("\\e");
      case '\t' -> b.append("\\t");
      case '\r' -> b.append("\\r");
      case '\n' -> b.append("\\n");
      case 0 -> b.append("\\0");
      default -> {
        if (c < 0x80) {
          b.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xf]);
        } else {
          b.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf]).append(HEX[(c >> 4) & 0xf])
              .append(HEX[c & 0xf]);
        }
      }
    }
  }

  /**
   * {@code s} escaped and, when longer than {@link #MAX_SHOWN} characters, cut there and followed by
   * {@code "… (N chars)"} with its full length N.
   */
  public static String abbreviate(CharSequence s) {
    return abbreviate(s, MAX_SHOWN);
  }

  /** Like {@link #abbreviate(CharSequence)} with another limit (at least 1). */
  public static String abbreviate(CharSequence s, int max) {
    Objects.requireNonNull(s, "s");
    if (max < 1) {
      throw new IllegalArgumentException("max must be positive: " + max);
    }
    int n = s.length();
    if (n <= max) {
      return escape(s);
    }
    int cut = max;
    if (Character.isHighSurrogate(s.charAt(cut - 1))) {
      cut--;
    }
    return escape(s.subSequence(0, cut)) + "… (" + n + " chars)";
  }

  /** {@code 'value'} abbreviated, for messages. */
  public static String quote(CharSequence value) {
    return "'" + abbreviate(value) + "'";
  }

  /**
   * The message of a rejected row: {@code FILE:LINE: FIELD: reason 'value'} (file name, field and value
   * escaped and abbreviated; the value part left out when {@code value} is empty).
   */
  public static String message(String file, long line, String field, String reason, String value) {
    StringBuilder b = new StringBuilder();
    b.append(abbreviate(file)).append(':').append(line).append(": ");
    if (!field.isEmpty()) {
      b.append(abbreviate(field)).append(": ");
    }
    b.append(escape(reason));
    if (!value.isEmpty()) {
      b.append(' ').append(quote(value));
    }
    return b.toString();
  }

  /** Whether a spreadsheet would read {@code cell} as a formula (and it is not a plain number). */
  public static boolean isFormulaLike(String cell) {
    if (cell.isEmpty()) {
      return false;
    }
    char c = cell.charAt(0);
    if (c != '=' && c != '+' && c != '-' && c != '@' && c != '\t' && c != '\r') {
      return false;
    }
    return !NUMBER.matcher(cell).matches();
  }

  /**
   * One CSV cell: neutralised ({@code '} in front of a formula-like cell, see the class comment), then
   * quoted as RFC 4180 when it holds a comma, a quote, CR or LF.
   */
  public static String csvCell(String cell) {
    Objects.requireNonNull(cell, "cell");
    String v = isFormulaLike(cell) ? "'" + cell : cell;
    boolean quote = false;
    for (int i = 0; i < v.length() && !quote; i++) {
      char c = v.charAt(i);
      quote = c == ',' || c == '"' || c == '\r' || c == '\n';
    }
    return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
  }
}
