package org.ecrm.core.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock a test moves by hand: give it to {@code Crm.builder().clock(...)} (or any component taking a
 * {@link Clock}) and move it with {@link #advance(Duration)} or {@link #set(Instant)}. Always in UTC.
 * Thread-safe: the instant is volatile, so a move is seen at once by every thread.
 */
public final class MutableClock extends Clock {
  private volatile Instant now;

  /**
   * A clock standing at {@code start}.
   *
   * @param start the first instant
   */
  public MutableClock(Instant start) {
    now = Objects.requireNonNull(start, "start");
  }

  /**
   * Moves the clock by {@code by} (back, when negative).
   *
   * @param by how far to move
   */
  public void advance(Duration by) {
    now = now.plus(by);
  }

  /**
   * Moves the clock by {@code seconds} (back, when negative).
   *
   * @param seconds how far to move
   */
  public void advanceSeconds(long seconds) {
    now = now.plusSeconds(seconds);
  }

  /**
   * Puts the clock at {@code at}.
   *
   * @param at the new instant
   */
  public void set(Instant at) {
    now = Objects.requireNonNull(at, "at");
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
