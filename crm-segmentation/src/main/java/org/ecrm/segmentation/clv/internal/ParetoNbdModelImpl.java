package org.ecrm.segmentation.clv.internal;

import org.ecrm.segmentation.clv.ParetoNbdModel;
import org.ecrm.segmentation.clv.ParetoNbdParameters;
import org.ecrm.segmentation.clv.FitSummary;
import org.jspecify.annotations.Nullable;

/** {@link ParetoNbdModel} over {@link ParetoNbdMath}. Immutable and thread-safe. */
public final class ParetoNbdModelImpl extends PurchaseModelImpl<ParetoNbdParameters> implements ParetoNbdModel {
  private static final Formulas FORMULAS = new Formulas(ParetoNbdMath::expectedPurchases,
      ParetoNbdMath::conditionalExpectedPurchases, ParetoNbdMath::probabilityAlive, ParetoNbdMath::probabilityOfPurchases,
      ParetoNbdMath::logLikelihood);

  public ParetoNbdModelImpl(ParetoNbdParameters p, @Nullable FitSummary fitSummary) {
    super("ParetoNbdModel", FORMULAS, p, fitSummary, new double[] {p.r(), p.alpha(), p.s(), p.beta()});
  }
}
