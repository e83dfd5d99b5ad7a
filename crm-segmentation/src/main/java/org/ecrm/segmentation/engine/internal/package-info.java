/**
 * The engine's building blocks below its API: the per-customer table behind the exported accumulator
 * (fed with primitive columns, with its own byte form), the batch builder the readers fill, and
 * {@link org.ecrm.segmentation.engine.internal.EngineAccess}, the module's access to the engine's
 * batches and accumulators beyond their API. Uses no type of {@link org.ecrm.segmentation.engine}: the
 * classes that need its types (the accumulator over the table, the sink adapters) are package-private
 * classes of that package. Not exported, no compatibility promise.
 */
@NullMarked
package org.ecrm.segmentation.engine.internal;

import org.jspecify.annotations.NullMarked;
