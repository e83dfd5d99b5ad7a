/**
 * The engine's plumbing, for adapters: code that feeds the RFM engine from its own store or runs it
 * distributed (a database cursor, a message stream, a Spark job). An application that reads a CSV file or
 * a crm-core store does not need this package: it calls {@link org.ecrm.segmentation.RfmAnalysis#run}
 * with a source from {@link org.ecrm.segmentation.TransactionSources}.
 *
 * <p>Start with {@link org.ecrm.segmentation.engine.TransactionSource}, the SPI a new input implements: it
 * streams columnar {@link org.ecrm.segmentation.engine.TransactionBatch}es into a
 * {@link org.ecrm.segmentation.engine.TransactionSink} and reports each unusable input record as a
 * {@link org.ecrm.segmentation.engine.RejectedRecord}. For a distributed run, each worker fills an
 * {@link org.ecrm.segmentation.engine.RfmAccumulator} (mergeable, with a byte form to ship), the driver
 * finds the global cut points with {@link org.ecrm.segmentation.RfmCuts} and every part is scored with
 * {@link org.ecrm.segmentation.RfmAnalysis#score(RfmAccumulator, org.ecrm.segmentation.RfmCuts)}.
 * {@link org.ecrm.segmentation.engine.CustomerKeys} numbers crm-core customer ids for sources that want
 * dense numeric keys.
 */
@NullMarked
package org.ecrm.segmentation.engine;

import org.jspecify.annotations.NullMarked;
