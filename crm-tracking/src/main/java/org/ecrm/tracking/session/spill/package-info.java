/**
 * The external merge sort of hits that historic imports and the pipeline use to put a log's hits in time
 * order within a memory budget. It sits above {@link org.ecrm.tracking.session} (it sorts its hits) and
 * below the packages that feed the sessionizer. Not exported and not API.
 */
@NullMarked
package org.ecrm.tracking.session.spill;

import org.jspecify.annotations.NullMarked;
