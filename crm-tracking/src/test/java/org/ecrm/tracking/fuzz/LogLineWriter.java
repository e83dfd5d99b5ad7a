package org.ecrm.tracking.fuzz;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.ecrm.tracking.weblog.LogFormat;
import org.ecrm.tracking.weblog.LogRecord;

/** Writes a {@link LogRecord} back as a Common or Combined line (the inverse of the parser, for fuzzing). */
public final class LogLineWriter {
  private static final String[] MONTHS =
      {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

  private LogLineWriter() {}

  /** The line of {@code r}, in its format. */
  public static String write(LogRecord r) {
    StringBuilder sb = new StringBuilder(256);
    sb.append(r.ip()).append(' ').append(dash(r.ident())).append(' ').append(dash(r.user())).append(" [")
        .append(time(r.time())).append("] \"").append(escape(request(r))).append("\" ").append(r.status())
        .append(' ').append(r.bytes() < 0 ? "-" : Long.toString(r.bytes()));
    if (r.format() == LogFormat.COMBINED) {
      sb.append(" \"").append(r.referrer().isEmpty() ? "-" : escape(r.referrer())).append("\" \"")
          .append(r.userAgent().isEmpty() ? "-" : escape(r.userAgent())).append('"');
    }
    return sb.toString();
  }

  private static String dash(String s) {
    return s.isEmpty() ? "-" : s;
  }

  /** method SP target [SP protocol]; a lone target without spaces when there is no method or protocol. */
  private static String request(LogRecord r) {
    if (r.method().isEmpty() && r.protocol().isEmpty() && r.target().indexOf(' ') < 0 && !r.target().equals("-")) {
      return r.target().isEmpty() ? "-" : r.target();
    }
    return r.method() + ' ' + r.target() + (r.protocol().isEmpty() ? "" : ' ' + r.protocol());
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  /** dd/MMM/yyyy:HH:mm:ss ±hhmm with an offset that keeps the local year within 0000–9999. */
  private static String time(Instant t) {
    long epoch = t.getEpochSecond();
    int offsetMinutes = 0;
    int year = LocalDateTime.ofEpochSecond(epoch, 0, ZoneOffset.UTC).getYear();
    if (year < 0) {
      offsetMinutes = 18 * 60 + 59;
    } else if (year > 9999) {
      offsetMinutes = -(18 * 60 + 59);
    }
    LocalDateTime l = LocalDateTime.ofEpochSecond(epoch + offsetMinutes * 60L, 0, ZoneOffset.UTC);
    int abs = Math.abs(offsetMinutes);
    return String.format(Locale.ROOT, "%02d/%s/%04d:%02d:%02d:%02d %s%02d%02d", l.getDayOfMonth(),
        MONTHS[l.getMonthValue() - 1], l.getYear(), l.getHour(), l.getMinute(), l.getSecond(),
        offsetMinutes < 0 ? "-" : "+", abs / 60, abs % 60);
  }
}
