package org.ecrm.core.memory;

import org.ecrm.core.internal.memory.InMemoryStorage;
import org.ecrm.core.spi.Storage;

/**
 * The in-memory {@link Storage}: the default of {@link org.ecrm.core.Crm.Builder} when no adapter is
 * configured, and a fresh, isolated store for tests and short-lived tools. Not instantiable.
 */
public final class MemoryStorage {
  private MemoryStorage() {}

  /**
   * A new, empty, thread-safe in-memory storage. Lookups by id and by the indexed keys are hash lookups;
   * iteration is in id order. About 1.4 KB of heap per customer with one e-mail, one phone, one address and
   * two tags (measured, see the README).
   *
   * @return the new storage; nothing is shared with any other
   */
  public static Storage create() {
    return new InMemoryStorage();
  }
}
