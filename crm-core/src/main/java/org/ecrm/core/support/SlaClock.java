package org.ecrm.core.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.ecrm.core.internal.check.Checks;
import org.jspecify.annotations.Nullable;

/**
 * One service-level clock of a case at a moment. Immutable and thread-safe.
 *
 * @param target {@code "firstResponse"}, {@code "nextUpdate"} or {@code "resolution"}
 * @param allowed the working time the policy allows
 * @param used the working time used so far (or until the clock stopped)
 * @param state running, paused, met, near breach or breached
 * @param due when it breaches if nothing happens (running clocks only)
 */
public record SlaClock(String target, Duration allowed, Duration used, State state, Optional<Instant> due) {

  /** A clock's state. */
  public enum State {
    /** Counting, more than the near-breach share left. */
    RUNNING,
    /** Counting, little time left. */
    NEAR_BREACH,
    /** Stopped while the case waits for the customer. */
    PAUSED,
    /** Stopped in time. */
    MET,
    /** Over the allowed time (running or stopped). */
    BREACHED
  }

  /** @throws NullPointerException naming the field if one is null */
  public SlaClock {
    Checks.id("SlaClock.target", target);
    Checks.notNull("SlaClock.allowed", allowed);
    Checks.notNull("SlaClock.used", used);
    Checks.notNull("SlaClock.state", state);
    Checks.notNull("SlaClock.due", due);
  }

  /**
   * Derives the state of a clock (used by the facade).
   *
   * @param stopped whether the clock's event happened (answered, resolved)
   * @param paused whether the case waits for the customer
   * @param nearShare the share of the allowed time under which a running clock is near breach
   * @param due when a running clock breaches, or null
   */
  public static SlaClock of(String target, Duration allowed, Duration used, boolean stopped, boolean paused,
      double nearShare, @Nullable Instant due) {
    State s;
    if (used.compareTo(allowed) > 0) {
      s = State.BREACHED;
    } else if (stopped) {
      s = State.MET;
    } else if (paused) {
      s = State.PAUSED;
    } else if (allowed.minus(used).toMillis() <= allowed.toMillis() * nearShare) {
      s = State.NEAR_BREACH;
    } else {
      s = State.RUNNING;
    }
    return new SlaClock(target, allowed, used, s,
        s == State.RUNNING || s == State.NEAR_BREACH ? Optional.ofNullable(due) : Optional.empty());
  }

  /** Working time left (negative when breached). */
  public Duration remaining() {
    return allowed.minus(used);
  }
}
