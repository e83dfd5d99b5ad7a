package org.ecrm.tracking.weblog;

import static org.ecrm.tracking.weblog.internal.LogText.dashQuoted;
import static org.ecrm.tracking.weblog.internal.LogText.quotedField;
import static org.ecrm.tracking.weblog.internal.LogText.text;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Parses one Common/Combined line held in a byte array. Not thread-safe (keeps a date cache); one per
 * reader run. A failure sets {@link #error()} and returns null.
 */
final class LogLineParser {
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

  // ---- fields of the last successful scan (byte offsets into the scanned buffer) ----
  /** Client address range. */
  public int ipFrom, ipTo;
  /** Ident and user ranges. */
  public int identFrom, identTo, userFrom, userTo;
  /** Request range (inside the quotes) and whether it holds backslash escapes. */
  public int reqFrom, reqTo;
  /** True if the request has escapes. */
  public boolean reqEscaped;
  /** Referrer and user-agent ranges (empty ranges for Common lines) and their escape flags. */
  public int refFrom, refTo, uaFrom, uaTo;
  /** True if the referrer or user agent has escapes. */
  public boolean refEscaped, uaEscaped;
  /** True if the line has the referrer and user-agent fields (Combined), false for a Common line. */
  public boolean combined;
  /** Status code. */
  public int status;
  /** Byte count, -1 for "-". */
  public long bytes;
  /** Request time in epoch seconds. */
  public long epochSecond;

  /** Parses {@code b[from..len)}; null (with {@link #error()}) if the line is malformed. */
  public @Nullable LogRecord parse(byte[] b, int from, int len, long lineNumber) {
    if (!scan(b, from, len)) {
      return null;
    }
    String request = quotedField(b, reqFrom, reqTo, reqEscaped);
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
    return new LogRecord(lineNumber, text(b, ipFrom, ipTo), dash(b, identFrom, identTo), dash(b, userFrom, userTo),
        Instant.ofEpochSecond(epochSecond), method, target, protocol, status, bytes,
        dashQuoted(b, refFrom, refTo, refEscaped), dashQuoted(b, uaFrom, uaTo, uaEscaped),
        combined ? LogFormat.COMBINED : LogFormat.COMMON);
  }

  /**
   * Splits {@code b[from..len)} into fields without making strings; false (with {@link #error()}) if
   * the line is malformed.
   */
  public boolean scan(byte[] b, int from, int len) {
    error = null;
    if (len == from) {
      return bad("empty line");
    }
    int p = from;
    int sp = indexOf(b, p, len, (byte) ' ');
    if (sp <= p) {
      return bad(sp == p ? "missing client address" : "missing fields after client address");
    }
    ipFrom = p;
    ipTo = sp;
    p = sp + 1;
    sp = indexOf(b, p, len, (byte) ' ');
    if (sp < 0) {
      return bad("missing ident field");
    }
    identFrom = p;
    identTo = sp;
    p = sp + 1;
    int br = indexOf(b, p, len, (byte) '[');
    if (br < 0) {
      return bad("missing [time]");
    }
    if (br == p || b[br - 1] != ' ') {
      return bad("missing user field before [time]");
    }
    userFrom = p;
    userTo = br - 1;
    p = br + 1;
    int close = indexOf(b, p, len, (byte) ']');
    if (close < 0) {
      return bad("unterminated [time]");
    }
    if (!time(b, p, close)) {
      return false;
    }
    p = close + 1;
    if (p + 1 >= len || b[p] != ' ' || b[p + 1] != '"') {
      return bad("missing quoted request after [time]");
    }
    p += 2;
    int q = closingQuote(b, p, len);
    if (q < 0) {
      return bad("unterminated quoted field: request");
    }
    reqFrom = p;
    reqTo = q;
    reqEscaped = escaped;
    p = q + 1;
    if (p >= len || b[p] != ' ') {
      return bad("missing status after request");
    }
    p++;
    sp = indexOf(b, p, len, (byte) ' ');
    int statusEnd = sp < 0 ? len : sp;
    status = (int) num(b, p, statusEnd, 3);
    if (status < 100 || status > 999 || statusEnd - p != 3) {
      return bad("status is not a 3-digit number: \"" + text(b, p, statusEnd) + "\"");
    }
    if (sp < 0) {
      return bad("missing byte count after status");
    }
    p = sp + 1;
    sp = indexOf(b, p, len, (byte) ' ');
    int bytesEnd = sp < 0 ? len : sp;
    if (bytesEnd - p == 1 && b[p] == '-') {
      bytes = -1;
    } else {
      bytes = num(b, p, bytesEnd, 18);
      if (bytes < 0) {
        return bad("byte count is not a number: \"" + text(b, p, bytesEnd) + "\"");
      }
    }
    refFrom = refTo = uaFrom = uaTo = bytesEnd;
    refEscaped = uaEscaped = false;
    combined = false;
    int rest = bytesEnd;
    while (rest < len && b[rest] == ' ') {
      rest++;
    }
    if (rest >= len) {
      if (format == LogFormat.COMBINED) {
        return bad("missing referrer and user agent (a Common-format line)");
      }
    } else if (format != LogFormat.COMMON) {
      if (b[rest] != '"') {
        return bad("referrer is not quoted");
      }
      p = rest + 1;
      q = closingQuote(b, p, len);
      if (q < 0) {
        return bad("unterminated quoted field: referrer");
      }
      refFrom = p;
      refTo = q;
      refEscaped = escaped;
      p = q + 1;
      if (p + 1 >= len || b[p] != ' ' || b[p + 1] != '"') {
        return bad("missing quoted user agent");
      }
      p += 2;
      q = closingQuote(b, p, len);
      if (q < 0) {
        return bad("unterminated quoted field: user agent");
      }
      uaFrom = p;
      uaTo = q;
      uaEscaped = escaped;
      combined = true;
      // anything after the user agent (extra nginx fields) is ignored
    }
    return true;
  }

  private boolean bad(String reason) {
    error = reason;
    return false;
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


  private static String dash(byte[] b, int from, int to) {
    return to - from == 1 && b[from] == '-' ? "" : text(b, from, to);
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
  private boolean time(byte[] b, int from, int to) {
    int n = to - from;
    if (n != 26 || b[from + 2] != '/' || b[from + 6] != '/' || b[from + 11] != ':' || b[from + 14] != ':'
        || b[from + 17] != ':' || b[from + 20] != ' ') {
      return bad("time is not dd/MMM/yyyy:HH:mm:ss ±hhmm: \"" + text(b, from, to) + "\"");
    }
    long day;
    if (lastEpochDay != Long.MIN_VALUE && sameDate(b, from)) {
      day = lastEpochDay;
    } else {
      int dd = (int) num(b, from, from + 2, 2);
      int month = month(b, from + 3);
      int yyyy = (int) num(b, from + 7, from + 11, 4);
      if (dd < 0 || month < 0 || yyyy < 0) {
        return bad("bad date in time: \"" + text(b, from, to) + "\"");
      }
      try {
        day = LocalDate.of(yyyy, month, dd).toEpochDay();
      } catch (DateTimeException e) {
        return bad("bad date in time: \"" + text(b, from, to) + "\"");
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
      return bad("bad clock time or offset in time: \"" + text(b, from, to) + "\"");
    }
    long offset = (oh * 3600L + om * 60L) * (sign == '-' ? -1 : 1);
    epochSecond = day * 86_400L + hh * 3600L + mm * 60L + Math.min(ss, 59) - offset;
    return true;
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
