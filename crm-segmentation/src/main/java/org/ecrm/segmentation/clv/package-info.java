/**
 * Customer lifetime value: the BG/NBD and Pareto/NBD purchase models, the Gamma-Gamma spend model and
 * discounted CLV with ranking. Start with a fitter, then
 * {@link org.ecrm.segmentation.clv.CustomerLifetimeValue}.
 *
 * <p>Input is one {@link org.ecrm.segmentation.clv.CustomerSummary} per customer (the BTYD customer-base
 * summary: repeat frequency, recency, age T, mean repeat spend). Fit with
 * {@link org.ecrm.segmentation.clv.BgNbdFitter}, {@link org.ecrm.segmentation.clv.ParetoNbdFitter} and
 * {@link org.ecrm.segmentation.clv.GammaGammaFitter} (their options and fit forms are those of
 * {@link org.ecrm.segmentation.clv.ModelFitter}); combine with
 * {@link org.ecrm.segmentation.clv.CustomerLifetimeValue}. Time is in whatever unit the summaries use
 * (CDNOW: weeks); money is in the unit of {@code monetary} (the currency's major unit, e.g. dollars).
 * See {@code crm-segmentation/CLV.md}.
 */
@NullMarked
package org.ecrm.segmentation.clv;

import org.jspecify.annotations.NullMarked;
