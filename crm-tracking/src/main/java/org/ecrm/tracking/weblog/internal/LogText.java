package org.ecrm.tracking.weblog.internal;

import java.nio.charset.StandardCharsets;

/**
 * Text of byte ranges of a log line: UTF-8 decoding, quote escapes and the {@code -} placeholder.
 * Thread-safe (stateless).
 */
public final class LogText {
  private LogText() {}

  /** The text of a quoted field range ({@code -} is kept). */
  public static String quotedField(byte[] b, int from, int to, boolean escaped) {
    return escaped ? unescape(b, from, to) : text(b, from, to);
  }

  /** The text of a quoted field range, empty for {@code -}. */
  public static String dashQuoted(byte[] b, int from, int to, boolean escaped) {
    return to - from == 1 && b[from] == '-' ? "" : quotedField(b, from, to, escaped);
  }

  /** Decodes {@code \\"} and {@code \\\\} escapes. */
  public static String unescape(byte[] b, int from, int to) {
    byte[] out = new byte[to - from];
    int n = 0;
    for (int i = from; i < to; i++) {
      byte c = b[i];
      if (c == '\\' && i + 1 < to && (b[i + 1] == '"' || b[i + 1] == '\\')) {
        c = b[++i];
      }
      out[n++] = c;
    }
    return new String(out, 0, n, StandardCharsets.UTF_8);
  }

  /** UTF-8 text; malformed bytes become U+FFFD. */
  public static String text(byte[] b, int from, int to) {
    return new String(b, from, to - from, StandardCharsets.UTF_8);
  }
}
