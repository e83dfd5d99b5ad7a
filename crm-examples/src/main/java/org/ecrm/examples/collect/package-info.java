/**
 * An HTTP collector for the Segment tracking API on the JDK's HTTP server, feeding crm-tracking's
 * {@code TrackingPipeline}: start with {@link org.ecrm.examples.collect.SegmentCollector#start}.
 */
@NullMarked
package org.ecrm.examples.collect;

import org.jspecify.annotations.NullMarked;
