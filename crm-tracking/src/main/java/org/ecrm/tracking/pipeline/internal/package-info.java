/**
 * Implementation of {@link org.ecrm.tracking.pipeline}: the pipeline that is the tracker's event sink and
 * drives the sessionizer. Not exported and not API.
 */
@NullMarked
package org.ecrm.tracking.pipeline.internal;

import org.jspecify.annotations.NullMarked;
