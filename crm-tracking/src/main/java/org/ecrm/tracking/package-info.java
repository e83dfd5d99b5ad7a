/**
 * Tracking API: events, the tracker, web-log import, sessions and identity resolution.
 */
@NullMarked
package org.ecrm.tracking;

import org.jspecify.annotations.NullMarked;
