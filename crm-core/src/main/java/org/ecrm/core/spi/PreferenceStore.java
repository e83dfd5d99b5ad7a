package org.ecrm.core.spi;

import java.util.List;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.Preferences;
import org.jspecify.annotations.Nullable;

/**
 * Stores the history of each customer's preferences: every change appends a full snapshot; the last
 * one is in force. Thread-safe; each method atomic.
 */
public interface PreferenceStore {

  /** Appends a snapshot. */
  void append(Preferences preferences);

  /** The snapshots of {@code customerId}, oldest first; possibly none. */
  List<Preferences> history(CustomerId customerId);

  /** Moves the history of {@code from} to {@code to} (a merge); returns how many snapshots moved. */
  int reassign(CustomerId from, CustomerId to);

  /** Deletes the history of {@code customerId} (an erasure); returns how many snapshots. */
  int deleteAll(CustomerId customerId);

  /** Up to {@code limit} ids of customers with preferences, after {@code after}, in id order. */
  List<CustomerId> scanCustomers(@Nullable CustomerId after, int limit);
}
