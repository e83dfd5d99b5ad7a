package org.ecrm.core.interact;

/** A response to a campaign message recorded with {@link Interact#recordOutcome}. */
public enum Outcome {
  /** The message was opened. */
  OPENED,
  /** A link in the message was clicked. */
  CLICKED
}
