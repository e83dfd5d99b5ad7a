package org.ecrm.core;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand. Thread-safe. */
public final class MutableClock extends Clock {
  private volatile Instant now;

  /** @param start the first instant */
  public MutableClock(Instant start) {
    now = start;
  }

  /** Moves the clock forward (or back, with a negative value). */
  public void advanceSeconds(long s) {
    now = now.plusSeconds(s);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }
}
