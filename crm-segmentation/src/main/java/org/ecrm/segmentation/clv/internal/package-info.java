/**
 * Implementation of the customer-lifetime-value models: special functions, the Nelder-Mead optimiser,
 * the likelihoods and predictions. Not exported; use {@link org.ecrm.segmentation.clv}.
 */
@NullMarked
package org.ecrm.segmentation.clv.internal;

import org.jspecify.annotations.NullMarked;
