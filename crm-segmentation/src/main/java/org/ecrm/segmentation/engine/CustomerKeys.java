package org.ecrm.segmentation.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.ecrm.core.model.CustomerId;

/**
 * Gives each crm-core {@link CustomerId} a dense {@code long} key (0, 1, 2 … in order of first use) so
 * the engine works on primitives, and maps keys back to ids.
 *
 * <p>Thread-safe: every method is synchronized.
 */
public final class CustomerKeys {
  private final Map<CustomerId, Long> keys = new HashMap<>();
  private final List<CustomerId> ids = new ArrayList<>();

  /** Creates an empty dictionary. */
  public CustomerKeys() {
  }

  /** The key of {@code id}, assigning the next one on first use. */
  public synchronized long keyOf(CustomerId id) {
    Objects.requireNonNull(id, "id");
    Long k = keys.get(id);
    if (k == null) {
      k = (long) ids.size();
      keys.put(id, k);
      ids.add(id);
    }
    return k;
  }

  /** The id with {@code key}, if it was assigned. */
  public synchronized Optional<CustomerId> idOf(long key) {
    return key >= 0 && key < ids.size() ? Optional.of(ids.get((int) key)) : Optional.empty();
  }

  /** The number of keys assigned. */
  public synchronized int size() {
    return ids.size();
  }
}
