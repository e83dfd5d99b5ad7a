package org.ecrm.tracking;

import org.ecrm.core.model.CrmException;

/**
 * A tracking event (or its JSON) that breaks a rule: the message names the field and the reason, e.g.
 * {@code "userId: placeholder id refused: \"undefined\""}. Immutable and thread-safe.
 */
public class InvalidEventException extends CrmException {
  private static final long serialVersionUID = 1L;
  /** The JSON path of the offending field, {@code "$"} for the whole event. */
  private final String field;
  /** Why the event was refused. */
  private final String reason;

  /**
   * @param field the JSON field (dotted path) or {@code "$"} for the whole event
   * @param reason why it was refused
   */
  public InvalidEventException(String field, String reason) {
    super(field + ": " + reason);
    this.field = field;
    this.reason = reason;
  }

  /** The JSON field (dotted path), or {@code "$"} for the whole event. */
  public String field() {
    return field;
  }

  /** Why the event was refused. */
  public String reason() {
    return reason;
  }
}
