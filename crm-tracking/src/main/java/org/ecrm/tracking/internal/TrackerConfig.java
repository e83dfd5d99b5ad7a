package org.ecrm.tracking.internal;

import java.time.Clock;
import java.time.Duration;
import org.ecrm.tracking.ConsentPolicy;
import org.ecrm.tracking.EventSink;
import org.ecrm.tracking.FailedEventSink;
import org.ecrm.tracking.IdentityResolver;
import org.ecrm.tracking.IpMasking;
import org.ecrm.tracking.OverflowPolicy;
import org.jspecify.annotations.Nullable;

/** The checked settings of a tracker; a null {@code maxEventAge} accepts events of any age. */
public record TrackerConfig(EventSink sink, FailedEventSink failedSink, int capacity, OverflowPolicy overflow,
    Duration blockTimeout, int batchSize, Duration flushInterval, int maxAttempts, Duration initialBackoff,
    Duration maxBackoff, Duration dedupeWindow, long dedupeMaxEntries, Clock clock, Duration closeTimeout,
    IpMasking ipMasking, ConsentPolicy consent, int maxEventBytes, @Nullable IdentityResolver identity,
    Duration maxFutureSkew, @Nullable Duration maxEventAge) {}
