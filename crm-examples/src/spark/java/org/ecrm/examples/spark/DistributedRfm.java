package org.ecrm.examples.spark;

import org.apache.spark.sql.Dataset;
import org.ecrm.segmentation.RfmCuts;

/**
 * RFM scored where the customers live: every customer's row as a distributed Dataset, the global cuts
 * they were scored against and how many search rounds finding the cuts took. See
 * {@link SparkSegmentation#rfmDistributed}.
 *
 * @param customers one row per scored customer, in no particular order (lazy: computed when used)
 * @param cuts the global cut points (thresholds per dimension, customers scored)
 * @param searchRounds the rounds of the cut search (each one small job over the per-part states)
 */
public record DistributedRfm(Dataset<RfmRow> customers, RfmCuts cuts, int searchRounds) {
}
