package org.ecrm.core.spi;

import java.util.List;
import org.ecrm.core.loyalty.PointsEntry;
import org.ecrm.core.model.CustomerId;
import org.jspecify.annotations.Nullable;

/**
 * Stores the loyalty points ledger, append-only per member. Thread-safe; each method atomic.
 */
public interface LedgerStore {

  /**
   * Appends an entry.
   *
   * @throws org.ecrm.core.model.DuplicateKeyException if the member already has an entry with its source event
   */
  void append(PointsEntry entry);

  /** The member's entries in append order. */
  List<PointsEntry> entries(CustomerId customerId);

  /** Moves a member's entries to another (a merge); returns how many. */
  int reassign(CustomerId from, CustomerId to);

  /**
   * Erasure: replaces a member's entries, in order, by {@code entry.pseudonymised(pseudonym, n)} for the
   * n-th entry (1-based): held by the pseudonym, free text removed, points, kinds and instants kept.
   * Nothing of the entries' old text may remain in the store. Returns how many.
   */
  int pseudonymise(CustomerId from, CustomerId pseudonym);

  /** Up to {@code limit} ids of members with entries, after {@code after}, in id order. */
  List<CustomerId> scanCustomers(@Nullable CustomerId after, int limit);
}
