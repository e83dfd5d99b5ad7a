package org.ecrm.tracking.weblog;

/** Web-log line formats. Immutable and thread-safe. */
public enum LogFormat {
  /** NCSA Common: {@code host ident user [time] "request" status bytes}. */
  COMMON,
  /** NCSA Combined (the nginx default): Common plus {@code "referer" "user-agent"}. */
  COMBINED,
  /** Either, decided per line: a line that ends after the byte count is Common. */
  AUTO
}
