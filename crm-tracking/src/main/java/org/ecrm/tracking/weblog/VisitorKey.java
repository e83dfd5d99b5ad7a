package org.ecrm.tracking.weblog;

/** How log lines are grouped into visitors. Immutable and thread-safe. */
public enum VisitorKey {
  /** IP address and user agent (the default: people behind one NAT with different browsers differ). */
  IP_AND_USER_AGENT,
  /** IP address only. */
  IP
}
