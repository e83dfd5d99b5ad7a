package org.ecrm.tracking;

import java.util.Set;

/**
 * What an erasure removed. Immutable and thread-safe.
 *
 * @param userId the user erased
 * @param ids the ids whose data was removed: the user id and the anonymous ids linked only to this user
 * @param links identity links removed
 * @param events events removed from the event sinks
 * @param sessions sessions (and visitor profiles) removed from the session sinks
 */
public record ErasureReport(String userId, Set<String> ids, long links, long events, long sessions) {
  /** Copies the id set. */
  public ErasureReport {
    ids = Set.copyOf(ids);
  }
}
