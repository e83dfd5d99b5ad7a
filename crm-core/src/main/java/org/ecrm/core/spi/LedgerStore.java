package org.ecrm.core.spi;

import org.ecrm.core.loyalty.PointsEntry;
import org.ecrm.core.model.CustomerId;

/**
 * Stores the loyalty points ledger, a {@link HistoryStore} of {@link PointsEntry}s, append-only per member.
 * {@link #append} rejects a second entry of one member with the same source event (a {@link
 * org.ecrm.core.model.DuplicateKeyException}). Erasure pseudonymises rather than deletes, so the ledger's
 * totals survive. Thread-safe; each method atomic.
 */
public interface LedgerStore extends HistoryStore<PointsEntry> {

  /**
   * Erasure: replaces a member's entries, in order, by {@code entry.pseudonymised(pseudonym, n)} for the n-th
   * entry (1-based): held by the pseudonym, free text removed, points, kinds and instants kept. Nothing of the
   * entries' old text may remain in the store.
   *
   * @param from the member erased
   * @param pseudonym the id that holds the entries from now on
   * @return how many entries were pseudonymised
   */
  int pseudonymise(CustomerId from, CustomerId pseudonym);
}
