package org.ecrm.segmentation.clv;

import java.util.Optional;

/**
 * The Pareto/NBD purchase model (Schmittlein, Morrison &amp; Colombo 1987). Get one from
 * {@link ParetoNbdFitter} or, with known parameters, from {@link #of}. Immutable and thread-safe.
 */
public interface ParetoNbdModel extends PurchaseModel {

  /** A model with the given parameters (no fit summary). */
  static ParetoNbdModel of(ParetoNbdParameters parameters) {
    return new ParetoNbdModelImpl(parameters, null);
  }

  /** @return the parameters */
  ParetoNbdParameters parameters();

  /** @return the fit diagnostics when the model came from a fit */
  Optional<FitSummary> fitSummary();
}
