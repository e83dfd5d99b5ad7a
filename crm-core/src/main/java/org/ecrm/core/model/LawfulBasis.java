package org.ecrm.core.model;

/** The lawful basis of processing (GDPR Article 6(1)). */
public enum LawfulBasis {
  /** (a) The data subject's consent. */
  CONSENT,

  /** (b) Necessary for a contract. */
  CONTRACT,

  /** (c) A legal obligation. */
  LEGAL_OBLIGATION,

  /** (d) Vital interests. */
  VITAL_INTERESTS,

  /** (e) A task in the public interest. */
  PUBLIC_TASK,

  /** (f) Legitimate interests. */
  LEGITIMATE_INTERESTS
}
