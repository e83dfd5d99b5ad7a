package org.ecrm.segmentation.clv;

import org.ecrm.segmentation.clv.internal.BgNbdMath;
import org.jspecify.annotations.Nullable;

/** {@link BgNbdModel} over {@link BgNbdMath}. Immutable and thread-safe. */
final class BgNbdModelImpl extends PurchaseModelImpl<BgNbdParameters> implements BgNbdModel {
  private static final Formulas FORMULAS = new Formulas(BgNbdMath::expectedPurchases,
      BgNbdMath::conditionalExpectedPurchases, BgNbdMath::probabilityAlive, BgNbdMath::probabilityOfPurchases,
      BgNbdMath::logLikelihood);

  public BgNbdModelImpl(BgNbdParameters p, @Nullable FitSummary fitSummary) {
    super("BgNbdModel", FORMULAS, p, fitSummary, new double[] {p.r(), p.alpha(), p.a(), p.b()});
  }
}
