/**
 * Implementation details; not exported and not API.
 */
@NullMarked
package org.ecrm.tracking.internal;

import org.jspecify.annotations.NullMarked;
