package org.ecrm.core.model;

/** Whether a consent is in force. */
public enum ConsentStatus {
  /** The customer agreed. */
  GRANTED,

  /** The customer withdrew or objected. */
  WITHDRAWN
}
