package org.ecrm.tracking.weblog;

import java.time.Instant;
import java.util.Objects;

/**
 * One parsed web-log line. {@code "-"} fields become empty strings (or -1 for the byte count).
 * Immutable and thread-safe.
 *
 * @param lineNumber 1-based line number in the file
 * @param ip the client address (IPv4 or IPv6, as written)
 * @param ident the RFC 1413 identity, usually empty
 * @param user the authenticated user, usually empty
 * @param time the request time, from any time-zone offset
 * @param method the HTTP method, empty if the request line has none
 * @param target the request target (path and query), may contain spaces
 * @param protocol the protocol, e.g. {@code HTTP/1.1}, empty if absent
 * @param status the HTTP status code
 * @param bytes the response size, -1 for {@code "-"}
 * @param referrer the Referer header, empty if absent (or in Common format)
 * @param userAgent the User-Agent header, empty if absent (or in Common format)
 * @param format {@link LogFormat#COMMON} if the line ended after the byte count (no referrer and user-agent
 *     fields), else {@link LogFormat#COMBINED}
 */
public record LogRecord(
    long lineNumber,
    String ip,
    String ident,
    String user,
    Instant time,
    String method,
    String target,
    String protocol,
    int status,
    long bytes,
    String referrer,
    String userAgent,
    LogFormat format) {

  /** Checks for nulls and that the format is Common or Combined. */
  public LogRecord {
    Objects.requireNonNull(ip, "ip");
    Objects.requireNonNull(ident, "ident");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(referrer, "referrer");
    Objects.requireNonNull(userAgent, "userAgent");
    Objects.requireNonNull(format, "format");
    if (format == LogFormat.AUTO) {
      throw new IllegalArgumentException("format of a record must be COMMON or COMBINED: AUTO");
    }
  }

  /** A Combined-format record. */
  public LogRecord(long lineNumber, String ip, String ident, String user, Instant time, String method, String target,
      String protocol, int status, long bytes, String referrer, String userAgent) {
    this(lineNumber, ip, ident, user, time, method, target, protocol, status, bytes, referrer, userAgent,
        LogFormat.COMBINED);
  }

  /** True if the line has a user-agent field (Combined), even an empty one. */
  public boolean hasUserAgentField() {
    return format == LogFormat.COMBINED;
  }

  /** The target without its query string or fragment. */
  public String path() {
    int end = target.length();
    for (int i = 0; i < end; i++) {
      char c = target.charAt(i);
      if (c == '?' || c == '#') {
        return target.substring(0, i);
      }
    }
    return target;
  }
}
