/**
 * Implementation of {@link org.ecrm.tracking.session}: the session cutter, the total order of hits and the
 * external merge sort of hits. Not exported and not API.
 */
@NullMarked
package org.ecrm.tracking.session.internal;

import org.jspecify.annotations.NullMarked;
