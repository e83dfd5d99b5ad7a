/**
 * Segmentation API: RFM scores and named segments, Pareto/ABC classes and the customer-base summary.
 */
@NullMarked
package org.ecrm.segmentation;

import org.jspecify.annotations.NullMarked;
