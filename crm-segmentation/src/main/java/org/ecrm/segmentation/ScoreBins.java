package org.ecrm.segmentation;

import java.math.BigDecimal;
import java.util.List;

/**
 * The bins of one dimension as they were used: the thresholds (quantile breaks or user thresholds,
 * in the metric's unit: days, count or minor units; for NTILE the smallest metric value of each score
 * 2..n) and, per score, how many customers got it and the metric range they span.
 *
 * @param dimension the dimension
 * @param binning the method
 * @param thresholds the n-1 edges
 * @param bins one entry per score 1..n
 */
public record ScoreBins(Dimension dimension, Binning binning, List<BigDecimal> thresholds, List<Bin> bins) {
  /** Copies the lists. */
  public ScoreBins {
    thresholds = List.copyOf(thresholds);
    bins = List.copyOf(bins);
  }

  /**
   * One score's share.
   *
   * @param score the score
   * @param customers customers with that score
   * @param min the smallest metric value among them (0 when empty)
   * @param max the largest (0 when empty)
   */
  public record Bin(int score, int customers, long min, long max) {
  }
}
