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

  /** Up to {@code limit} ids of customers with a consent history, after {@code after}, in id order. */
  List<CustomerId> scanCustomers(@Nullable CustomerId after, int limit);
}
