package org.ecrm.it.interact;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves. Thread-safe (volatile). */
final class SettableClock extends Clock {
  private volatile Instant now;

  SettableClock(Instant start) {
    now = start;
  }

  void set(Instant at) {
    now = at;
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
