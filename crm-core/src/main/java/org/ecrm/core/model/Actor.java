package org.ecrm.core.model;

import org.ecrm.core.internal.check.Checks;

/**
 * Who made a change: a person using the host application, a service, or the system itself. Passed
 * with {@code crm.as(actor)} and recorded in the audit trail. Immutable and thread-safe.
 *
 * @param kind {@code "user"}, {@code "service"} or {@code "system"} (any token)
 * @param id the user name or service name
 */
public record Actor(String kind, String id) {
  /** Changes made without a caller context. */
  public static final Actor SYSTEM = new Actor("system", "ecrm");

  /** @throws IllegalArgumentException if kind is not a token or id is blank */
  public Actor {
    kind = Checks.token("Actor.kind", kind);
    id = Checks.id("Actor.id", id);
  }

  /** A person, e.g. a member of staff. */
  public static Actor user(String id) {
    return new Actor("user", id);
  }

  /** A program, e.g. an import job. */
  public static Actor service(String name) {
    return new Actor("service", name);
  }

  /** {@code "user:alice"}. */
  @Override
  public String toString() {
    return kind + ":" + id;
  }
}
