package org.ecrm.segmentation.clv.internal;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * Nelder-Mead downhill simplex minimiser with restarts, used on log-parameters. Non-finite objective
 * values count as +∞, so the simplex walks away from them. Each call is independent; instances are
 * immutable and thread-safe.
 *
 * @param maxEvaluations total objective evaluations allowed, restarts included
 * @param functionTolerance stop when all vertex values lie within this distance of the best one
 * @param pointTolerance and all vertices lie within this distance of the best one (max-norm)
 * @param initialStep edge length of each fresh simplex
 * @param maxRestarts how many fresh simplices to build around the best point after convergence
 */
public record NelderMead(
    int maxEvaluations,
    double functionTolerance,
    double pointTolerance,
    double initialStep,
    int maxRestarts) {

  /** The outcome of a minimisation. */
  public record Result(double[] point, double value, int evaluations, boolean converged) {
    /** @return a defensive copy of the point */
    @Override
    public double[] point() {
      return point.clone();
    }
  }

  /**
   * Minimises {@code objective} from {@code start}.
   *
   * @return the best point found, flagged as converged unless the evaluation budget ran out
   */
  public Result minimize(ToDoubleFunction<double[]> objective, double[] start) {
    int n = start.length;
    int[] evaluations = {0};
    ToDoubleFunction<double[]> f = x -> {
      evaluations[0]++;
      double v = objective.applyAsDouble(x);
      return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
    };
    double[] best = start.clone();
    double bestValue = f.applyAsDouble(best);
    boolean converged = false;
    for (int restart = 0; restart <= maxRestarts; restart++) {
      Result r = run(f, best, n, evaluations);
      boolean improved = r.value() < bestValue - functionTolerance;
      if (r.value() <= bestValue) {
        best = r.point;
        bestValue = r.value();
      }
      converged = r.converged();
      if (!converged || (!improved && restart > 0)) {
        break;
      }
    }
    return new Result(best, bestValue, evaluations[0], converged);
  }

  private Result run(ToDoubleFunction<double[]> f, double[] start, int n, int[] evaluations) {
    double[][] simplex = new double[n + 1][];
    double[] values = new double[n + 1];
    simplex[0] = start.clone();
    values[0] = f.applyAsDouble(simplex[0]);
    for (int i = 0; i < n; i++) {
      double[] v = start.clone();
      v[i] += initialStep;
      simplex[i + 1] = v;
      values[i + 1] = f.applyAsDouble(v);
    }
    Integer[] order = new Integer[n + 1];
    while (true) {
      for (int i = 0; i <= n; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (i, j) -> Double.compare(values[i], values[j]));
      double[][] s = new double[n + 1][];
      double[] fv = new double[n + 1];
      for (int i = 0; i <= n; i++) {
        s[i] = simplex[order[i]];
        fv[i] = values[order[i]];
      }
      System.arraycopy(s, 0, simplex, 0, n + 1);
      System.arraycopy(fv, 0, values, 0, n + 1);
      if (isConverged(simplex, values)) {
        return new Result(simplex[0], values[0], evaluations[0], true);
      }
      if (evaluations[0] >= maxEvaluations) {
        return new Result(simplex[0], values[0], evaluations[0], false);
      }
      double[] centroid = new double[n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          centroid[j] += simplex[i][j] / n;
        }
      }
      double[] worst = simplex[n];
      double[] reflected = along(centroid, worst, -1.0);
      double fr = f.applyAsDouble(reflected);
      if (fr < values[0]) {
        double[] expanded = along(centroid, worst, -2.0);
        double fe = f.applyAsDouble(expanded);
        if (fe < fr) {
          simplex[n] = expanded;
          values[n] = fe;
        } else {
          simplex[n] = reflected;
          values[n] = fr;
        }
      } else if (fr < values[n - 1]) {
        simplex[n] = reflected;
        values[n] = fr;
      } else {
        boolean outside = fr < values[n];
        double[] contracted = along(centroid, worst, outside ? -0.5 : 0.5);
        double fc = f.applyAsDouble(contracted);
        if (fc < (outside ? fr : values[n])) {
          simplex[n] = contracted;
          values[n] = fc;
        } else {
          for (int i = 1; i <= n; i++) {
            simplex[i] = along(simplex[0], simplex[i], 0.5);
            values[i] = f.applyAsDouble(simplex[i]);
          }
        }
      }
    }
  }

  private boolean isConverged(double[][] simplex, double[] values) {
    if (!Double.isFinite(values[0])) {
      return false;
    }
    for (int i = 1; i < simplex.length; i++) {
      if (!(Math.abs(values[i] - values[0]) <= functionTolerance)) {
        return false;
      }
      for (int j = 0; j < simplex[0].length; j++) {
        if (Math.abs(simplex[i][j] - simplex[0][j]) > pointTolerance) {
          return false;
        }
      }
    }
    return true;
  }

  /** centroid + t · (point − centroid). */
  private static double[] along(double[] centroid, double[] point, double t) {
    double[] out = new double[centroid.length];
    for (int j = 0; j < out.length; j++) {
      out[j] = centroid[j] + t * (point[j] - centroid[j]);
    }
    return out;
  }
}
