package org.ecrm.core.model;

/** A role in a B2B decision-making unit (the buying centre). */
public enum BuyingRole {
  /** Decides on the purchase. */
  DECISION_MAKER,

  /** Shapes the decision (a technical expert, a consultant). */
  INFLUENCER,

  /** Uses the product. */
  USER,

  /** Negotiates and places the order. */
  BUYER,

  /** Controls the flow of information (an assistant, purchasing). */
  GATEKEEPER
}
