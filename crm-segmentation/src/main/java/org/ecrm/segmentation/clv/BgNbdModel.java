package org.ecrm.segmentation.clv;

import java.util.Optional;

/**
 * The BG/NBD purchase model (Fader, Hardie &amp; Lee 2005, "Counting your customers the easy way").
 * Get one from {@link BgNbdFitter} or, with known parameters, from {@link #of}. Immutable and
 * thread-safe.
 */
public interface BgNbdModel extends PurchaseModel {

  /** A model with the given parameters (no fit summary). */
  static BgNbdModel of(BgNbdParameters parameters) {
    return new BgNbdModelImpl(parameters, null);
  }

  /** @return the parameters */
  BgNbdParameters parameters();

  /** @return the fit diagnostics when the model came from a fit */
  Optional<FitSummary> fitSummary();
}
