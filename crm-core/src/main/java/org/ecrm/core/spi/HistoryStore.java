package org.ecrm.core.spi;

import java.util.List;
import org.ecrm.core.model.CustomerId;
import org.jspecify.annotations.Nullable;

/**
 * An append-only history per customer: the shape shared by the consent, preference and loyalty-ledger
 * stores ({@link ConsentStore}, {@link PreferenceStore}, {@link LedgerStore}, which only fix {@code T}), and the
 * one to extend for the next per-customer history. Each entry names its customer; entries of one customer come
 * back in the order they were appended. Thread-safe; each method atomic.
 *
 * @param <T> the entry type
 */
public interface HistoryStore<T> {

  /**
   * Appends an entry to its customer's history.
   *
   * @param entry the entry
   * @throws org.ecrm.core.model.DuplicateKeyException if the store keeps a key unique per customer (the
   *     ledger: the source event) and the customer already has an entry with it
   */
  void append(T entry);

  /**
   * The history of {@code customerId}, oldest first; possibly none.
   *
   * @param customerId the customer
   * @return the entries in append order
   */
  List<T> history(CustomerId customerId);

  /**
   * Moves the history of {@code from} to the end of the history of {@code to}, keeping each entry's time and
   * content but its customer id (a merge).
   *
   * @param from the customer merged away
   * @param to the surviving customer
   * @return how many entries moved
   */
  int reassign(CustomerId from, CustomerId to);

  /**
   * Deletes the whole history of {@code customerId} (an erasure).
   *
   * @param customerId the customer
   * @return how many entries were deleted
   */
  int deleteAll(CustomerId customerId);

  /**
   * Up to {@code limit} ids of customers with a history, after {@code after}, in id order (the erasure
   * scan).
   *
   * @param after where the previous page ended, or null for the first page
   * @param limit the page size, at least 1
   * @return the ids
   * @throws IllegalArgumentException if {@code limit} is below 1
   */
  List<CustomerId> scanCustomers(@Nullable CustomerId after, int limit);
}
