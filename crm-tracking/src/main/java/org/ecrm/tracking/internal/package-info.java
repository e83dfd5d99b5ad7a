/**
 * Building blocks under {@link org.ecrm.tracking} that need only JDK and Jackson-core types: the JSON tree
 * reader and writer, the message-id dedupe window, a long-to-int hash map and argument checks shared by the
 * other packages. The tracker and the event JSON mapping that use the API's types are package-private
 * classes of {@link org.ecrm.tracking}. Not exported and not API.
 */
@NullMarked
package org.ecrm.tracking.internal;

import org.jspecify.annotations.NullMarked;
