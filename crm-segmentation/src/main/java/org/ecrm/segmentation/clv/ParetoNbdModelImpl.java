package org.ecrm.segmentation.clv;

import org.ecrm.segmentation.clv.internal.ParetoNbdMath;
import org.jspecify.annotations.Nullable;

/** {@link ParetoNbdModel} over {@link ParetoNbdMath}. Immutable and thread-safe. */
final class ParetoNbdModelImpl extends PurchaseModelImpl<ParetoNbdParameters> implements ParetoNbdModel {
  private static final Formulas FORMULAS = new Formulas(ParetoNbdMath::expectedPurchases,
      ParetoNbdMath::conditionalExpectedPurchases, ParetoNbdMath::probabilityAlive, ParetoNbdMath::probabilityOfPurchases,
      ParetoNbdMath::logLikelihood);

  public ParetoNbdModelImpl(ParetoNbdParameters p, @Nullable FitSummary fitSummary) {
    super("ParetoNbdModel", FORMULAS, p, fitSummary, new double[] {p.r(), p.alpha(), p.s(), p.beta()});
  }
}
