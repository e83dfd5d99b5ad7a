package org.ecrm.core.model;

/** What an interaction was about. */
public enum InteractionType {
  /** A question. */
  QUERY,

  /** A complaint. */
  COMPLAINT,

  /** Praise, a suggestion or a survey answer. */
  FEEDBACK,

  /** A marketing message. */
  CAMPAIGN_MESSAGE,

  /** A visit (web session, store visit). */
  VISIT,

  /** A purchase touchpoint. */
  PURCHASE,

  /** Anything else. */
  OTHER
}
