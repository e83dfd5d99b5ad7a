package org.ecrm.segmentation;

/** The three RFM dimensions. */
public enum Dimension {
  RECENCY,
  FREQUENCY,
  MONETARY
}
