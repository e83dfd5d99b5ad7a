package org.ecrm.tracking;

import java.util.Set;

/**
 * Something that keeps data about visitors and can forget some of them (privacy erasure): event sinks,
 * failed-event sinks and session sinks ({@code org.ecrm.tracking.session.SessionSink}) all are.
 * {@link IdentityResolver#erase(String, java.util.List, java.util.List)} erases a user from such stores.
 * Implementations state their own thread safety.
 */
public interface ErasableStore {
  /**
   * Forgets everything kept about these user or anonymous ids.
   *
   * @param ids the user and anonymous ids to forget
   * @return how many records were removed
   */
  long erase(Set<String> ids);
}
