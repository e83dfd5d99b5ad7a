package org.ecrm.segmentation.clv;

/**
 * Diagnostics of a maximum-likelihood fit. Immutable and thread-safe.
 *
 * @param logLikelihood the weighted sum of the customers' log-likelihoods at the fitted parameters
 *     (without the penalty term)
 * @param customers the number of customers fitted (the sum of the weights)
 * @param distinctRows the number of distinct rows after identical summaries were compressed
 * @param evaluations how many times the optimiser evaluated the likelihood
 * @param penalizer the L2 penalizer coefficient used (0 for plain maximum likelihood)
 */
public record FitSummary(
    double logLikelihood, double customers, int distinctRows, int evaluations, double penalizer) {}
