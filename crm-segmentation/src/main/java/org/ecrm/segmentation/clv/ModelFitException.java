package org.ecrm.segmentation.clv;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ecrm.core.model.CrmException;

/**
 * A model fit did not converge, or converged to a degenerate point (a parameter running to 0 or ∞).
 * Carries the last parameters the optimiser held and their log-likelihood, so the caller can see where
 * it stopped. Immutable.
 */
public final class ModelFitException extends CrmException {
  private static final long serialVersionUID = 1L;

  private final transient Map<String, Double> lastParameters;
  /** The log-likelihood at the last parameters tried. */
  private final double lastLogLikelihood;

  /**
   * @param message what went wrong
   * @param lastParameters the model's parameters by name, in model order
   * @param lastLogLikelihood their log-likelihood (may be −∞ or NaN when it could not be evaluated)
   */
  public ModelFitException(
      String message, Map<String, Double> lastParameters, double lastLogLikelihood) {
    super(message + "; last parameters " + lastParameters + ", log-likelihood " + lastLogLikelihood);
    this.lastParameters = Collections.unmodifiableMap(new LinkedHashMap<>(lastParameters));
    this.lastLogLikelihood = lastLogLikelihood;
  }

  /** @return the last parameters by name, in model order (unmodifiable) */
  public Map<String, Double> lastParameters() {
    return lastParameters;
  }

  /** @return the log-likelihood at {@link #lastParameters()} */
  public double lastLogLikelihood() {
    return lastLogLikelihood;
  }
}
