/**
 * Byte-level building blocks under {@link org.ecrm.tracking.weblog} that need only JDK types: the line
 * reader and the string interner. The log-line parser, which produces the API's records, is a
 * package-private class of {@link org.ecrm.tracking.weblog}. Not exported and not API.
 */
@NullMarked
package org.ecrm.tracking.weblog.internal;

import org.jspecify.annotations.NullMarked;
