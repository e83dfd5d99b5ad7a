/**
 * Sessionization: event-time sessions per visitor, per-session and per-visitor metrics, daily and per-page aggregates, and the {@link org.ecrm.tracking.session.SessionSink} SPI.
 */
@NullMarked
package org.ecrm.tracking.session;

import org.jspecify.annotations.NullMarked;
