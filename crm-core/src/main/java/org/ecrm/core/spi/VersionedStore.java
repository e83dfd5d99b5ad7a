package org.ecrm.core.spi;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The part every versioned aggregate store shares: lookup by id, insert, optimistic update and keyset
 * iteration in id order. Versions start at 1 and grow by exactly 1 per update.
 *
 * <p>Implementations must be thread-safe, and each method atomic: a failed write changes nothing,
 * including secondary indexes. Run the contract kit ({@code org.ecrm.core.testkit} in
 * {@code crm-core:test-jar}) against an implementation to prove it.
 *
 * @param <K> the id type, ordered
 * @param <V> the record type
 */
public interface VersionedStore<K extends Comparable<K>, V> {

  /** The record with {@code id}, if stored. */
  Optional<V> get(K id);

  /**
   * Stores a new record with the version it carries: 1 when the facade creates it, any positive
   * version when an archive is imported.
   *
   * @return the stored record
   * @throws org.ecrm.core.model.DuplicateKeyException if the id or a unique key is taken
   */
  V insert(V record);

  /**
   * Replaces the stored record with {@code next}, whose version must be the stored version + 1.
   *
   * @return the stored record
   * @throws org.ecrm.core.model.NotFoundException if no record has the id
   * @throws org.ecrm.core.model.VersionConflictException if the stored version is not
   *     {@code next.version() - 1}; nothing is written
   * @throws org.ecrm.core.model.DuplicateKeyException if a unique key of {@code next} belongs to another record
   */
  V update(V next);

  /**
   * Up to {@code limit} records with ids greater than {@code after} (from the start when null), in
   * ascending id order. Paging with the last id of a page never skips or repeats a record that exists
   * throughout.
   *
   * @throws IllegalArgumentException if {@code limit} is below 1
   */
  List<V> scan(@Nullable K after, int limit);

  /** How many records are stored. */
  long count();
}
