package org.ecrm.tracking.session;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a {@link Sessionizer} fed live puts the hits it cannot sessionize, so none is lost silently: a
 * hit older than the watermark (latest time seen minus the allowed lateness) and a hit dated beyond the
 * allowed future skew. Both are also counted in {@link SessionizerStats}. The host may store them, re-run
 * them later in a batch, or alert.
 *
 * <p>Called from the thread that feeds the sessionizer. The default, {@link #logging()}, is thread-safe.
 */
@FunctionalInterface
public interface LateHitSink {

  /** A hit older than {@code watermark}: counted in {@link SessionizerStats#lateHits()}, not sessionized. */
  void late(Hit hit, Instant watermark);

  /**
   * A hit dated after {@code limit} (now plus the allowed future skew): counted in
   * {@link SessionizerStats#futureHits()}, not sessionized, and it does not move the watermark. Does
   * nothing by default.
   */
  default void tooFarAhead(Hit hit, Instant limit) {
  }

  /**
   * Logs through slf4j ({@code org.ecrm.tracking.session.LateHitSink}): the first late hit and every
   * 1,000th after it at WARN with its visitor, time and the watermark, the others at DEBUG; every hit too
   * far ahead at WARN.
   */
  static LateHitSink logging() {
    Logger log = LoggerFactory.getLogger(LateHitSink.class);
    AtomicLong count = new AtomicLong();
    return new LateHitSink() {
      @Override
      public void late(Hit hit, Instant watermark) {
        long n = count.incrementAndGet();
        if (n == 1 || n % 1_000 == 0) {
          log.warn("late hit #{} left out of sessions: visitor {} at {} is behind the watermark {}", n,
              hit.visitorId(), hit.time(), watermark);
        } else {
          log.debug("late hit #{} left out of sessions: visitor {} at {} is behind the watermark {}", n,
              hit.visitorId(), hit.time(), watermark);
        }
      }

      @Override
      public void tooFarAhead(Hit hit, Instant limit) {
        log.warn("hit rejected: visitor {} at {} is after {} (now plus the allowed future skew)", hit.visitorId(),
            hit.time(), limit);
      }
    };
  }
}
