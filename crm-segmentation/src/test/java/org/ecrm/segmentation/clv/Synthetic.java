package org.ecrm.segmentation.clv;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded simulation of customer bases from known BG/NBD parameters, shaped like CDNOW: first purchases
 * spread over 12 weeks, calibration ending 39 weeks after the first day. Every simulated purchase counts
 * (no same-day merging, which would bias the rates down); recency is floored to whole days, so
 * identical rows occur and compress as in real data.
 */
final class Synthetic {
  private Synthetic() {}

  /** {@code n} BG/NBD customers drawn with the given seed. */
  static List<CustomerSummary> bgNbd(BgNbdParameters p, int n, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<CustomerSummary> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double lambda = gamma(rnd, p.r()) / p.alpha();
      double g1 = gamma(rnd, p.a());
      double dropout = g1 / (g1 + gamma(rnd, p.b()));
      int firstDay = rnd.nextInt(84);
      double age = (273 - firstDay) / 7.0;
      double t = 0;
      int x = 0;
      double tx = 0;
      while (true) {
        t += -Math.log(1 - rnd.nextDouble()) / lambda;
        if (t > age) {
          break;
        }
        x++;
        tx = Math.floor(t * 7) / 7;
        if (rnd.nextDouble() < dropout) {
          break;
        }
      }
      out.add(CustomerSummary.of(x, x == 0 ? 0 : tx, age));
    }
    return out;
  }

  /** Gamma(shape, 1) by Marsaglia &amp; Tsang (2000), with the shape &lt; 1 boost. */
  static double gamma(SplittableRandom rnd, double shape) {
    if (shape < 1) {
      return gamma(rnd, shape + 1) * Math.pow(rnd.nextDouble(), 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double z;
      double v;
      do {
        z = normal(rnd);
        v = 1 + c * z;
      } while (v <= 0);
      v = v * v * v;
      double u = rnd.nextDouble();
      if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }

  private static double normal(SplittableRandom rnd) {
    double u1 = 1 - rnd.nextDouble();
    double u2 = rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}
