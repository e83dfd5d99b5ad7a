package org.ecrm.segmentation;

/** The three RFM dimensions. */
public enum Dimension {
  /** Days since the last purchase (fewer is better). */
  RECENCY,
  /** Number of purchases. */
  FREQUENCY,
  /** Money spent. */
  MONETARY
}
