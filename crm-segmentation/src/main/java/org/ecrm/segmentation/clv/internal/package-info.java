/**
 * Numerics of the customer-lifetime-value models: special functions, the Nelder-Mead optimiser, the
 * likelihoods and predictions over primitive arrays, and the compressed summary rows. Uses no type of
 * {@link org.ecrm.segmentation.clv}; the model classes and fits built on it are package-private classes
 * of that package. Not exported.
 */
@NullMarked
package org.ecrm.segmentation.clv.internal;

import org.jspecify.annotations.NullMarked;
