package org.ecrm.tracking.pipeline;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import org.ecrm.core.service.Customers;
import org.ecrm.tracking.EventSink;
import org.ecrm.tracking.FailedEventSink;
import org.ecrm.tracking.IdentityResolver;
import org.ecrm.tracking.session.PathCategories;
import org.ecrm.tracking.session.SessionSink;
import org.jspecify.annotations.Nullable;

/** The checked settings of a pipeline (the tracker's and sessionizer's are in their builders). */
record PipelineConfig(Clock clock, @Nullable Customers customers, IdentityResolver identities,
    SessionSink sessionSink, EventSink eventSink, FailedEventSink failedSink, PathCategories categories,
    int topPages, ZoneId zone, boolean historic, long sortBufferBytes, Path spillDir) {}
