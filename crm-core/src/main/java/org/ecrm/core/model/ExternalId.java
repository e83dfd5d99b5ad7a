package org.ecrm.core.model;

import org.ecrm.core.internal.check.Checks;

/**
 * The identity of a customer in another system: a web user id, an anonymous cookie id, a shop's
 * customer number. A customer may have several; each pair is unique across customers.
 * Immutable and thread-safe.
 *
 * @param system the system's name, a token such as {@code "web"}, {@code "anonymous"}, {@code "shop"}
 * @param id the identifier in that system
 */
public record ExternalId(String system, String id) implements Comparable<ExternalId> {
  /** The conventional system name for a web-site user id. */
  public static final String WEB_USER = "web";
  /** The conventional system name for an anonymous (cookie or device) id. */
  public static final String ANONYMOUS = "anonymous";

  /**
   * Validates both parts.
   *
   * @throws IllegalArgumentException if the system is not a token or the id is blank
   */
  public ExternalId {
    system = Checks.token("ExternalId.system", system);
    id = Checks.id("ExternalId.id", id);
  }

  /** {@code new ExternalId(system, id)}. */
  public static ExternalId of(String system, String id) {
    return new ExternalId(system, id);
  }

  @Override
  public int compareTo(ExternalId other) {
    int c = system.compareTo(other.system);
    return c != 0 ? c : id.compareTo(other.id);
  }

  /** {@code "system:id"}. */
  @Override
  public String toString() {
    return system + ":" + id;
  }
}
