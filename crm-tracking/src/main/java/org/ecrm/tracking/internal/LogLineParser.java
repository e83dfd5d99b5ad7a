package org.ecrm.tracking.internal;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import org.ecrm.tracking.weblog.LogFormat;
import org.ecrm.tracking.weblog.LogRecord;
import org.jspecify.annotations.Nullable;

/**
 * Parses one Common/Combined line held in a byte array. Not thread-safe (keeps a date cache); one per
 * reader run. A failure sets {@link #error()} and returns null.
 */
public final class LogLineParser {
  private final LogFormat format;
  private @Nullable String error;
  // cache of the last "dd/MMM/yyyy" seen
  private final byte[] lastDate = new byte[11];
  private long lastEpochDay = Long.MIN_VALUE;

  /** A parser for {@code format}. */
  public LogLineParser(LogFormat format) {
    this.format = format;
  }

  /** Why the last {@link #parse} returned null. */
  public String error() {
    return error == null ? "" : error;
  }

  /** Parses {@code b[from..len)}; null (with {@link #error()}) if the line is malformed. */
  public @Nullable LogRecord parse(byte[] b, int from, int len, long lineNumber) {
    error = null;
    if (len == from) {
      return fail("empty line");
    }
    int p = from;
    int sp = indexOf(b, p, len, (byte) ' ');
    if (sp <= p) {
      return fail(sp == p ? "missing client address" : "missing fields after client address");
    }
    String ip = ascii(b, p, sp);
    p = sp + 1;
    sp = indexOf(b, p, len, (byte) ' ');
    if (sp < 0) {
      return fail("missing ident field");
    }
    String ident = dash(b, p, sp);
    p = sp + 1;
    // the user field may be followed by the bracketed time; find " ["
    int br = indexOf(b, p, len, (byte) '[');
    if (br < 0) {
      return fail("missing [time]");
    }
    if (br == p || b[br - 1] != ' ') {
      return fail("missing user field before [time]");
    }
    String user = dash(b, p, br - 1);
    p = br + 1;
    int close = indexOf(b, p, len, (byte) ']');
    if (close < 0) {
      return fail("unterminated [time]");
    }
    Instant time = time(b, p, close);
    if (time == null) {
      return null;
    }
    p = close + 1;
    if (p + 1 >= len || b[p] != ' ' || b[p + 1] != '"') {
      return fail("missing quoted request after [time]");
    }
    p += 2;
    int q = closingQuote(b, p, len);
    if (q < 0) {
      return fail("unterminated quoted field: request");
    }
    String request = quoted(b, p, q);
    p = q + 1;
    if (p >= len || b[p] != ' ') {
      return fail("missing status after request");
    }
    p++;
    sp = indexOf(b, p, len, (byte) ' ');
    int statusEnd = sp < 0 ? len : sp;
    int status = (int) num(b, p, statusEnd, 3);
    if (status < 100 || status > 999 || statusEnd - p != 3) {
      return fail("status is not a 3-digit number: \"" + text(b, p, statusEnd) + "\"");
    }
    if (sp < 0) {
      return fail("missing byte count after status");
    }
    p = sp + 1;
    sp = indexOf(b, p, len, (byte) ' ');
    int bytesEnd = sp < 0 ? len : sp;
    long bytes;
    if (bytesEnd - p == 1 && b[p] == '-') {
      bytes = -1;
    } else {
      bytes = num(b, p, bytesEnd, 18);
      if (bytes < 0) {
        return fail("byte count is not a number: \"" + text(b, p, bytesEnd) + "\"");
      }
    }
    String referrer = "";
    String agent = "";
    int rest = bytesEnd;
    while (rest < len && b[rest] == ' ') {
      rest++;
    }
    if (rest >= len) {
      if (format == LogFormat.COMBINED) {
        return fail("missing referrer and user agent (a Common-format line)");
      }
    } else if (format != LogFormat.COMMON) {
      if (b[rest] != '"') {
        return fail("referrer is not quoted");
      }
      p = rest + 1;
      q = closingQuote(b, p, len);
      if (q < 0) {
        return fail("unterminated quoted field: referrer");
      }
      referrer = dashQuoted(b, p, q);
      p = q + 1;
      if (p + 1 >= len || b[p] != ' ' || b[p + 1] != '"') {
        return fail("missing quoted user agent");
      }
      p += 2;
      q = closingQuote(b, p, len);
      if (q < 0) {
        return fail("unterminated quoted field: user agent");
      }
      agent = dashQuoted(b, p, q);
      // anything after the user agent (extra nginx fields) is ignored
    }
    String method = "";
    String target;
    String protocol = "";
    int s1 = request.indexOf(' ');
    if (s1 < 0) {
      target = request.equals("-") ? "" : request;
    } else {
      method = request.substring(0, s1);
      int s2 = request.lastIndexOf(' ');
      if (s2 > s1 && request.startsWith("HTTP/", s2 + 1)) {
        protocol = request.substring(s2 + 1);
        target = request.substring(s1 + 1, s2);
      } else {
        target = request.substring(s1 + 1);
      }
    }
    return new LogRecord(lineNumber, ip, ident, user, time, method, target, protocol, status, bytes, referrer,
        agent);
  }

  private @Nullable LogRecord fail(String reason) {
    error = reason;
    return null;
  }

  private static int indexOf(byte[] b, int from, int to, byte c) {
    for (int i = from; i < to; i++) {
      if (b[i] == c) {
        return i;
      }
    }
    return -1;
  }

  private boolean escaped;

  /** Index of the closing quote, honouring backslash escapes; -1 if none. Sets {@link #escaped}. */
  private int closingQuote(byte[] b, int from, int to) {
    boolean esc = false;
    for (int i = from; i < to; i++) {
      byte c = b[i];
      if (c == '"') {
        escaped = esc;
        return i;
      }
      if (c == '\\') {
        esc = true;
        i++; // skip the escaped byte
      }
    }
    return -1;
  }

  /** The quoted field just delimited by {@link #closingQuote}. */
  private String quoted(byte[] b, int from, int to) {
    return escaped ? unescape(b, from, to) : text(b, from, to);
  }

  private String dashQuoted(byte[] b, int from, int to) {
    return to - from == 1 && b[from] == '-' ? "" : quoted(b, from, to);
  }

  private static String unescape(byte[] b, int from, int to) {
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

  private static String dash(byte[] b, int from, int to) {
    return to - from == 1 && b[from] == '-' ? "" : text(b, from, to);
  }

  private static String ascii(byte[] b, int from, int to) {
    return new String(b, from, to - from, StandardCharsets.UTF_8);
  }

  /** UTF-8 text; malformed bytes become U+FFFD. */
  public static String text(byte[] b, int from, int to) {
    return new String(b, from, to - from, StandardCharsets.UTF_8);
  }

  private static long num(byte[] b, int from, int to, int maxDigits) {
    if (to <= from || to - from > maxDigits) {
      return -1;
    }
    long v = 0;
    for (int i = from; i < to; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  // dd/MMM/yyyy:HH:mm:ss +zzzz
  private @Nullable Instant time(byte[] b, int from, int to) {
    int n = to - from;
    if (n != 26 || b[from + 2] != '/' || b[from + 6] != '/' || b[from + 11] != ':' || b[from + 14] != ':'
        || b[from + 17] != ':' || b[from + 20] != ' ') {
      error = "time is not dd/MMM/yyyy:HH:mm:ss ±hhmm: \"" + text(b, from, to) + "\"";
      return null;
    }
    long day;
    if (lastEpochDay != Long.MIN_VALUE && sameDate(b, from)) {
      day = lastEpochDay;
    } else {
      int dd = (int) num(b, from, from + 2, 2);
      int month = month(b, from + 3);
      int yyyy = (int) num(b, from + 7, from + 11, 4);
      if (dd < 0 || month < 0 || yyyy < 0) {
        error = "bad date in time: \"" + text(b, from, to) + "\"";
        return null;
      }
      try {
        day = LocalDate.of(yyyy, month, dd).toEpochDay();
      } catch (DateTimeException e) {
        error = "bad date in time: \"" + text(b, from, to) + "\"";
        return null;
      }
      System.arraycopy(b, from, lastDate, 0, 11);
      lastEpochDay = day;
    }
    int hh = (int) num(b, from + 12, from + 14, 2);
    int mm = (int) num(b, from + 15, from + 17, 2);
    int ss = (int) num(b, from + 18, from + 20, 2);
    byte sign = b[from + 21];
    int oh = (int) num(b, from + 22, from + 24, 2);
    int om = (int) num(b, from + 24, from + 26, 2);
    if (hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 60 || (sign != '+' && sign != '-')
        || oh < 0 || oh > 18 || om < 0 || om > 59) {
      error = "bad clock time or offset in time: \"" + text(b, from, to) + "\"";
      return null;
    }
    long offset = (oh * 3600L + om * 60L) * (sign == '-' ? -1 : 1);
    return Instant.ofEpochSecond(day * 86_400L + hh * 3600L + mm * 60L + Math.min(ss, 59) - offset);
  }

  private boolean sameDate(byte[] b, int from) {
    for (int i = 0; i < 11; i++) {
      if (b[from + i] != lastDate[i]) {
        return false;
      }
    }
    return true;
  }

  private static int month(byte[] b, int p) {
    int key = (b[p] & 0xff) << 16 | (b[p + 1] & 0xff) << 8 | (b[p + 2] & 0xff);
    return switch (key) {
      case 'J' << 16 | 'a' << 8 | 'n' -> 1;
      case 'F' << 16 | 'e' << 8 | 'b' -> 2;
      case 'M' << 16 | 'a' << 8 | 'r' -> 3;
      case 'A' << 16 | 'p' << 8 | 'r' -> 4;
      case 'M' << 16 | 'a' << 8 | 'y' -> 5;
      case 'J' << 16 | 'u' << 8 | 'n' -> 6;
      case 'J' << 16 | 'u' << 8 | 'l' -> 7;
      case 'A' << 16 | 'u' << 8 | 'g' -> 8;
      case 'S' << 16 | 'e' << 8 | 'p' -> 9;
      case 'O' << 16 | 'c' << 8 | 't' -> 10;
      case 'N' << 16 | 'o' << 8 | 'v' -> 11;
      case 'D' << 16 | 'e' << 8 | 'c' -> 12;
      default -> -1;
    };
  }
}
