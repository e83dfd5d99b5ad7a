package org.ecrm.core.access;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.Actor;

/**
 * Roles (named permission sets) and which actor holds which roles. {@link Actor#SYSTEM} may do
 * everything; an actor without roles may do nothing. Immutable and thread-safe.
 *
 * <pre>{@code
 * AccessPolicy policy = AccessPolicy.builder()
 *     .role("support", READ_CUSTOMERS, WRITE_CUSTOMERS, READ_INTERACTIONS, WRITE_INTERACTIONS)
 *     .role("analyst", READ_CUSTOMERS_PSEUDONYMISED, READ_ORDERS)
 *     .grant(Actor.user("alice"), "support").grant(Actor.user("bob"), "analyst").build();
 * }</pre>
 */
public final class AccessPolicy {
  private final Map<String, Set<Permission>> roles;
  private final Map<Actor, Set<String>> grants;

  private AccessPolicy(Map<String, Set<Permission>> roles, Map<Actor, Set<String>> grants) {
    this.roles = Map.copyOf(roles);
    this.grants = Map.copyOf(grants);
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether {@code actor} holds {@code permission} through one of its roles. */
  public boolean allows(Actor actor, Permission permission) {
    if (actor.equals(Actor.SYSTEM)) {
      return true;
    }
    for (String role : grants.getOrDefault(actor, Set.of())) {
      if (roles.get(role).contains(permission)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Checks a permission.
   *
   * @throws AccessDeniedException naming the actor, the permission and the action
   */
  public void require(Actor actor, Permission permission, String action) {
    if (!allows(actor, permission)) {
      throw new AccessDeniedException(actor, permission, action);
    }
  }

  /** Collects an {@link AccessPolicy}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, Set<Permission>> roles = new HashMap<>();
    private final Map<Actor, Set<String>> grants = new HashMap<>();

    private Builder() {}

    /**
     * Defines a role.
     *
     * @throws IllegalStateException if the role is already defined
     */
    public Builder role(String name, Permission first, Permission... more) {
      Checks.token("role", name);
      if (roles.containsKey(name)) {
        throw new IllegalStateException("role '" + name + "' is already defined");
      }
      roles.put(name, EnumSet.of(Checks.notNull("permission", first), more));
      return this;
    }

    /**
     * Gives an actor a role.
     *
     * @throws IllegalArgumentException if the role is not defined
     */
    public Builder grant(Actor actor, String role) {
      Checks.notNull("actor", actor);
      if (!roles.containsKey(role)) {
        throw Checks.invalid("role", "is not defined (defined: " + roles.keySet() + ")", role);
      }
      grants.computeIfAbsent(actor, a -> new java.util.TreeSet<>()).add(role);
      return this;
    }

    /** Builds the policy. */
    public AccessPolicy build() {
      Map<Actor, Set<String>> frozen = new HashMap<>();
      grants.forEach((a, r) -> frozen.put(a, Set.copyOf(r)));
      return new AccessPolicy(roles, frozen);
    }
  }
}
