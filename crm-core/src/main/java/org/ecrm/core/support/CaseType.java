package org.ecrm.core.support;

/** What a case is about. */
public enum CaseType {
  /** The customer is unhappy. */
  COMPLAINT,
  /** The customer asks something. */
  QUERY,
  /** The customer wants something done. */
  REQUEST
}
