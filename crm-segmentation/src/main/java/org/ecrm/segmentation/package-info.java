/**
 * Segmentation API: RFM scores and named segments, Pareto/ABC classes, customer classes, segment
 * transitions and the BTYD customer-base summary.
 *
 * <p>Start with {@link org.ecrm.segmentation.RfmAnalysis}: configure it with its builder and
 * {@link org.ecrm.segmentation.RfmAnalysis#run run} a source from
 * {@link org.ecrm.segmentation.TransactionSources} (a CSV file, crm-core orders); the
 * {@link org.ecrm.segmentation.RfmResult} finds customers by the host's id. Then
 * {@link org.ecrm.segmentation.Pareto}, {@link org.ecrm.segmentation.CustomerClasses} and
 * {@link org.ecrm.segmentation.SegmentTransitions} work on results, and
 * {@link org.ecrm.segmentation.CustomerBaseSummary} gives the per-customer input of the value models in
 * {@code org.ecrm.segmentation.clv}. Code that feeds the engine from its own store or runs it distributed
 * uses {@code org.ecrm.segmentation.engine} and {@link org.ecrm.segmentation.RfmCuts}.
 */
@NullMarked
package org.ecrm.segmentation;

import org.jspecify.annotations.NullMarked;
