package org.ecrm.segmentation.clv;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.ecrm.segmentation.clv.internal.NelderMead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maximum-likelihood driver shared by the models: minimises the mean negative log-likelihood plus an L2
 * penalty on the parameters (the objective of the Python {@code lifetimes} package) over
 * log-parameters with {@link NelderMead}, then checks the result. Stateless and thread-safe.
 */
final class MaximumLikelihood {
  private static final Logger LOG = LoggerFactory.getLogger(MaximumLikelihood.class);
  /** |ln θ| beyond this (θ outside 1e-10 … 1e10) means the fit ran off to a boundary. */
  private static final double MAX_ABS_LOG_PARAMETER = 23.0;

  private MaximumLikelihood() {}

  /** The fitted parameters, their (unpenalised) log-likelihood and the evaluations used. */
  public record Outcome(double[] parameters, double logLikelihood, int evaluations) {
    @Override
    public double[] parameters() {
      return parameters.clone();
    }
  }

  /**
   * Fits.
   *
   * @param model the model's name for messages
   * @param names the parameter names, in order
   * @param logLikelihood weighted sum of the log-likelihoods at the given parameters
   * @param totalWeight the number of customers (sum of weights)
   * @throws ModelFitException when the optimiser does not converge, the likelihood is not finite, or a
   *     parameter runs to 0 or ∞
   */
  public static Outcome fit(
      String model,
      List<String> names,
      ToDoubleFunction<double[]> logLikelihood,
      double totalWeight,
      double penalizer,
      int maxEvaluations) {
    int n = names.size();
    ToDoubleFunction<double[]> objective = theta -> {
      double[] params = exp(theta);
      double ll = logLikelihood.applyAsDouble(params);
      if (!Double.isFinite(ll)) {
        return Double.POSITIVE_INFINITY;
      }
      double penalty = 0;
      for (double p : params) {
        penalty += p * p;
      }
      return -ll / totalWeight + penalizer * penalty;
    };
    NelderMead optimiser = new NelderMead(maxEvaluations, 1e-12, 1e-9, 0.5, 4);
    long start = System.nanoTime();
    NelderMead.Result result = optimiser.minimize(objective, new double[n]);
    double[] params = exp(result.point());
    double ll = logLikelihood.applyAsDouble(params);
    Map<String, Double> named = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      named.put(names.get(i), params[i]);
    }
    if (!Double.isFinite(ll)) {
      throw new ModelFitException(
          model + " fit failed: the log-likelihood is not finite at any point the optimiser tried",
          named, ll);
    }
    if (!result.converged()) {
      throw new ModelFitException(
          model + " fit did not converge within " + maxEvaluations + " likelihood evaluations",
          named, ll);
    }
    double[] theta = result.point();
    for (int i = 0; i < n; i++) {
      if (Math.abs(theta[i]) > MAX_ABS_LOG_PARAMETER) {
        throw new ModelFitException(
            model + " fit is degenerate: parameter " + names.get(i) + " ran to " + params[i]
                + " (the data do not identify the model; a positive penalizer keeps the parameters"
                + " finite)",
            named, ll);
      }
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} fit on {} customers: {} log-likelihood {} after {} evaluations in {} ms",
          model, totalWeight, named, ll, result.evaluations(), (System.nanoTime() - start) / 1e6);
    }
    return new Outcome(params, ll, result.evaluations());
  }

  private static double[] exp(double[] theta) {
    double[] out = new double[theta.length];
    for (int i = 0; i < theta.length; i++) {
      out[i] = Math.exp(theta[i]);
    }
    return out;
  }
}
