package org.ecrm.segmentation.clv.internal;

import org.ecrm.segmentation.clv.ParetoNbdModel;
import org.ecrm.segmentation.clv.ParetoNbdParameters;
import org.ecrm.segmentation.clv.FitSummary;
import org.jspecify.annotations.Nullable;

/** {@link ParetoNbdModel} over {@link ParetoNbdMath}. Immutable and thread-safe. */
public final class ParetoNbdModelImpl extends PurchaseModelImpl<ParetoNbdParameters> implements ParetoNbdModel {
  private static final Formulas FORMULAS = new Formulas() {
    @Override
    public double expectedPurchases(double r, double alpha, double s, double beta, double t) {
      return ParetoNbdMath.expectedPurchases(r, alpha, s, beta, t);
    }

    @Override
    public double conditionalExpectedPurchases(double r, double alpha, double s, double beta, double t,
        double x, double tx, double age) {
      return ParetoNbdMath.conditionalExpectedPurchases(r, alpha, s, beta, t, x, tx, age);
    }

    @Override
    public double probabilityAlive(double r, double alpha, double s, double beta, double x, double tx,
        double age) {
      return ParetoNbdMath.probabilityAlive(r, alpha, s, beta, x, tx, age);
    }

    @Override
    public double probabilityOfPurchases(double r, double alpha, double s, double beta, int n, double t) {
      return ParetoNbdMath.probabilityOfPurchases(r, alpha, s, beta, n, t);
    }

    @Override
    public double logLikelihood(double r, double alpha, double s, double beta, double x, double tx,
        double age) {
      return ParetoNbdMath.logLikelihood(r, alpha, s, beta, x, tx, age);
    }
  };

  public ParetoNbdModelImpl(ParetoNbdParameters p, @Nullable FitSummary fitSummary) {
    super("ParetoNbdModel", FORMULAS, p, fitSummary, new double[] {p.r(), p.alpha(), p.s(), p.beta()});
  }
}
