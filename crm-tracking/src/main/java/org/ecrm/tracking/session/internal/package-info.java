/**
 * Implementation support for {@link org.ecrm.tracking.session}: the total order of hits, built from a hit's
 * accessors so that this package does not depend on the session API. Not exported and not API.
 */
@NullMarked
package org.ecrm.tracking.session.internal;

import org.jspecify.annotations.NullMarked;
