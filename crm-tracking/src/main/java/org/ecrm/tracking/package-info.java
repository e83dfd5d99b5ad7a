/**
 * Tracking events and what takes them in: {@link org.ecrm.tracking.TrackingEvent} (Segment-shaped, validated),
 * {@link org.ecrm.tracking.EventCodec} (JSON), the thread-safe {@link org.ecrm.tracking.Tracker} (consent,
 * IP masking, dedupe, bounded buffer, delivery to an {@link org.ecrm.tracking.EventSink}), identity
 * stitching ({@link org.ecrm.tracking.IdentityResolver}) and privacy (erasure, {@link org.ecrm.tracking.IpMasking},
 * {@link org.ecrm.tracking.ConsentPolicy}).
 *
 * <p>Start with {@link org.ecrm.tracking.Tracker#builder()}, or with
 * {@link org.ecrm.tracking.pipeline.TrackingPipeline#builder()} for the whole life cycle (sessions, profiles,
 * interests) wired. This package depends on no other API package of the module.
 */
@NullMarked
package org.ecrm.tracking;

import org.jspecify.annotations.NullMarked;
