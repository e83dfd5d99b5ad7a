package org.ecrm.core.access;

import org.ecrm.core.model.Actor;
import org.ecrm.core.model.CrmException;

/** An actor tried something its roles do not allow. Nothing was read or written. */
public final class AccessDeniedException extends CrmException {
  private static final long serialVersionUID = 1L;
  private final String actor;
  private final Permission permission;
  private final String operation;

  /** @param actor who @param permission what was missing @param action what was tried */
  public AccessDeniedException(Actor actor, Permission permission, String action) {
    super(actor + " may not " + action + ": the permission " + permission + " is not in its roles");
    this.actor = actor.toString();
    this.permission = permission;
    this.operation = action;
  }

  /** What was tried, e.g. {@code call Orders.ofCustomer(c-1)}. */
  public String operation() {
    return operation;
  }

  /** The actor, as {@code kind:id}. */
  public String actor() {
    return actor;
  }

  /** The missing permission. */
  public Permission permission() {
    return permission;
  }
}
