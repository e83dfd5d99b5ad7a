/**
 * The string algorithms of duplicate detection, below its API: {@link
 * org.ecrm.core.dedupe.internal.MatchKeys} (normalised name and postcode keys) and {@link
 * org.ecrm.core.dedupe.internal.JaroWinkler} (name similarity). Depends on the model only. Not API.
 */
@NullMarked
package org.ecrm.core.dedupe.internal;

import org.jspecify.annotations.NullMarked;
