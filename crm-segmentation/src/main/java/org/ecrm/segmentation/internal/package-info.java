/**
 * Readers behind the segmentation API: the CSV readers (sequential and range-parallel), the crm-core
 * orders adapter, field parsing and JSON values, and the module's handle on the engine's internals
 * ({@link org.ecrm.segmentation.internal.Engine}). Uses no type of {@link org.ecrm.segmentation}; the RFM
 * scoring, cut search, result and BTYD summary classes that need its types are package-private classes of
 * that package. Not exported, no compatibility promise.
 */
@NullMarked
package org.ecrm.segmentation.internal;

import org.jspecify.annotations.NullMarked;
