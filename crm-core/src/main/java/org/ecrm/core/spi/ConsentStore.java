package org.ecrm.core.spi;

import java.util.List;
import org.ecrm.core.model.ConsentRecord;
import org.ecrm.core.model.CustomerId;
import org.jspecify.annotations.Nullable;

/**
 * Stores the append-only consent history. Thread-safe; each method atomic. Records of one customer
 * come back in the order they were appended.
 */
public interface ConsentStore {

  /** Appends a consent change. */
  void append(ConsentRecord record);

  /** The consent history of {@code customerId}, oldest first; possibly none. */
  List<ConsentRecord> history(CustomerId customerId);

  /**
   * Moves the history of {@code from} to the end of the history of {@code to}, keeping each record's
   * time and content but its customer id (a merge); returns how many records moved.
   */
  int reassign(CustomerId from, CustomerId to);

  /** Deletes the whole history of {@code customerId} (an erasure); returns how many records. */
  int deleteAll(CustomerId customerId);

  /** Up to {@code limit} ids of customers with a consent history, after {@code after}, in id order. */
  List<CustomerId> scanCustomers(@Nullable CustomerId after, int limit);
}
