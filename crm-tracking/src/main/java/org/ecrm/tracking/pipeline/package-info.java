/**
 * The tracking life cycle wired in one object: start with
 * {@link org.ecrm.tracking.pipeline.TrackingPipeline#builder()}. Events go in through the tracker
 * (validation, consent, IP masking, dedupe, identity resolution), are cut into sessions, and update the
 * visitor profiles, interests, the traffic report and the host's session sink; crm-core's {@code Interact}
 * reads the result through {@link org.ecrm.tracking.pipeline.TrackingPipeline#behaviour()}. Live or
 * historic import (any age, any order).
 */
@NullMarked
package org.ecrm.tracking.pipeline;

import org.jspecify.annotations.NullMarked;
