/**
 * Duplicate-candidate detection: {@link org.ecrm.core.dedupe.DuplicateFinder} finds pairs of customers
 * that are probably the same person by configurable {@link org.ecrm.core.dedupe.MatchRule}s, using
 * blocking (an index per match key) instead of comparing all pairs. It only reports candidates; merging
 * is the facade's job.
 *
 * <p>Start at {@link org.ecrm.core.dedupe.DuplicateFinder#builder()}.
 */
@NullMarked
package org.ecrm.core.dedupe;

import org.jspecify.annotations.NullMarked;
