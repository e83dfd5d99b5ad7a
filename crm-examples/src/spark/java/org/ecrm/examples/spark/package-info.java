/**
 * The segmentation and sessionization engines on Apache Spark (built only with the Maven profile
 * {@code spark}; see crm-examples/SPARK.md): {@link org.ecrm.examples.spark.RfmAggregator} (a Dataset
 * {@code Aggregator} whose buffer is the library's {@link org.ecrm.segmentation.engine.RfmAccumulator}),
 * {@link org.ecrm.examples.spark.SparkSegmentation} (RFM, Pareto/ABC and the BTYD summary of a Dataset),
 * {@link org.ecrm.examples.spark.SparkSessions} (web-log sessions per visitor) and the job
 * {@link org.ecrm.examples.spark.SparkJobs}. Runs on the class path.
 */
@NullMarked
package org.ecrm.examples.spark;

import org.jspecify.annotations.NullMarked;
