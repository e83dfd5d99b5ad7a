package org.ecrm.tracking.session;

/** What a {@link Hit} is. Immutable and thread-safe. */
public enum HitKind {
  /** A page (or screen) view. */
  PAGE_VIEW,
  /** Any other event (track, identify...): extends the session, not a page view. */
  EVENT,
  /** A page ping (heartbeat): the page is still open; gives engaged time. */
  PAGE_PING
}
