package org.ecrm.tracking;

import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** The checked settings of a tracker; a null {@code maxEventAge} accepts events of any age. */
record TrackerConfig(EventSink sink, FailedEventSink failedSink, int capacity, OverflowPolicy overflow,
    Duration blockTimeout, int batchSize, Duration flushInterval, int maxAttempts, Duration initialBackoff,
    Duration maxBackoff, Duration dedupeWindow, long dedupeMaxEntries, Clock clock, Duration closeTimeout,
    IpMasking ipMasking, ConsentPolicy consent, int maxEventBytes, @Nullable IdentityResolver identity,
    Duration maxFutureSkew, @Nullable Duration maxEventAge) {}
