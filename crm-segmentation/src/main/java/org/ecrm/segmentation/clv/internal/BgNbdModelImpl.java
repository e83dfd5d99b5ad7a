package org.ecrm.segmentation.clv.internal;

import org.ecrm.segmentation.clv.BgNbdModel;
import org.ecrm.segmentation.clv.BgNbdParameters;
import org.ecrm.segmentation.clv.FitSummary;
import org.jspecify.annotations.Nullable;

/** {@link BgNbdModel} over {@link BgNbdMath}. Immutable and thread-safe. */
public final class BgNbdModelImpl extends PurchaseModelImpl<BgNbdParameters> implements BgNbdModel {
  private static final Formulas FORMULAS = new Formulas() {
    @Override
    public double expectedPurchases(double r, double alpha, double a, double b, double t) {
      return BgNbdMath.expectedPurchases(r, alpha, a, b, t);
    }

    @Override
    public double conditionalExpectedPurchases(double r, double alpha, double a, double b, double t,
        double x, double tx, double age) {
      return BgNbdMath.conditionalExpectedPurchases(r, alpha, a, b, t, x, tx, age);
    }

    @Override
    public double probabilityAlive(double r, double alpha, double a, double b, double x, double tx,
        double age) {
      return BgNbdMath.probabilityAlive(r, alpha, a, b, x, tx, age);
    }

    @Override
    public double probabilityOfPurchases(double r, double alpha, double a, double b, int n, double t) {
      return BgNbdMath.probabilityOfPurchases(r, alpha, a, b, n, t);
    }

    @Override
    public double logLikelihood(double r, double alpha, double a, double b, double x, double tx,
        double age) {
      return BgNbdMath.logLikelihood(r, alpha, a, b, x, tx, age);
    }
  };

  public BgNbdModelImpl(BgNbdParameters p, @Nullable FitSummary fitSummary) {
    super("BgNbdModel", FORMULAS, p, fitSummary, new double[] {p.r(), p.alpha(), p.a(), p.b()});
  }
}
