/**
 * Implementation of {@link org.ecrm.tracking}: the buffered tracker, the event JSON reader and writer, the
 * message-id dedupe window and argument checks shared by the other packages. Not exported and not API.
 */
@NullMarked
package org.ecrm.tracking.internal;

import org.jspecify.annotations.NullMarked;
