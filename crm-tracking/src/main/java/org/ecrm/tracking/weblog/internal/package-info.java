/**
 * Implementation of {@link org.ecrm.tracking.weblog}: the byte-level log-line parser, the line reader and
 * the string interner. Not exported and not API.
 */
@NullMarked
package org.ecrm.tracking.weblog.internal;

import org.jspecify.annotations.NullMarked;
