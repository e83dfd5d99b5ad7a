/**
 * Sessions and what is learnt from them: the event-time {@link org.ecrm.tracking.session.Sessionizer}
 * (30-minute timeout, time on page, engaged time from page pings, return visits), per-visitor
 * {@link org.ecrm.tracking.session.VisitorProfiles} with interests, the daily and per-page
 * {@link org.ecrm.tracking.session.TrafficReport}, the {@link org.ecrm.tracking.session.SessionSink} SPI for
 * hosts that persist sessions, and {@link org.ecrm.tracking.session.TrackingBehaviour}, crm-core's
 * behaviour lookup for {@code Interact}.
 *
 * <p>Start with {@link org.ecrm.tracking.session.Sessionizer#builder()} fed with
 * {@link org.ecrm.tracking.session.Hit}s; {@link org.ecrm.tracking.pipeline.TrackingPipeline} feeds it from a
 * tracker for you. Depends on {@link org.ecrm.tracking} only.
 */
@NullMarked
package org.ecrm.tracking.session;

import org.jspecify.annotations.NullMarked;
