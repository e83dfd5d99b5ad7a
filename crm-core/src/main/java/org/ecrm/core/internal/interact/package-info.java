/** Implementation of {@code org.ecrm.core.interact}; not exported. */
@NullMarked
package org.ecrm.core.internal.interact;

import org.jspecify.annotations.NullMarked;
