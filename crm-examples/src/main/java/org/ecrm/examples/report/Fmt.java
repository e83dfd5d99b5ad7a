package org.ecrm.examples.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;

/** Number formats shared by the charts, tooltips, tables and tiles (money: the currency's decimals, grouped). */
final class Fmt {
  private Fmt() {}

  /** An amount in major units, rounded half-even to the currency's decimals, grouped, with the code. */
  static String money(BigDecimal major, Currency c) {
    int digits = Math.max(0, c.getDefaultFractionDigits());
    return String.format(Locale.ROOT, "%,." + digits + "f %s", major.setScale(digits, RoundingMode.HALF_EVEN),
        c.getCurrencyCode());
  }

  /** A double amount in major units (model outputs). */
  static String money(double major, Currency c) {
    return Double.isFinite(major) ? money(BigDecimal.valueOf(major), c) : "n/a";
  }

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f %%", 100 * share);
  }

  static String decimal(double v, int digits) {
    return String.format(Locale.ROOT, "%,." + digits + "f", v);
  }
}
