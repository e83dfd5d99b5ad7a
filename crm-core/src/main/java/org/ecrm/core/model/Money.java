package org.ecrm.core.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import org.ecrm.core.internal.check.Checks;

/**
 * An amount of money in one currency. The amount is exact ({@link BigDecimal}) and is kept at the
 * currency's number of fraction digits (2 for EUR, 0 for JPY); an amount with more digits is refused
 * rather than rounded. Arithmetic refuses to mix currencies. Immutable and thread-safe.
 *
 * @param amount the amount, scaled to the currency's fraction digits
 * @param currency the ISO 4217 currency
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

  /**
   * Validates the amount against the currency.
   *
   * @throws IllegalArgumentException if the amount has more fraction digits than the currency allows
   */
  public Money {
    Checks.notNull("Money.amount", amount);
    Checks.notNull("Money.currency", currency);
    int digits = Math.max(currency.getDefaultFractionDigits(), 0);
    BigDecimal stripped = amount.stripTrailingZeros();
    if (stripped.scale() > digits) {
      throw Checks.invalid("Money.amount", "has more than " + digits + " fraction digits for "
          + currency.getCurrencyCode(), amount.toPlainString());
    }
    amount = amount.setScale(digits, RoundingMode.UNNECESSARY);
  }

  /** Parses {@code "12.50"} in the ISO currency {@code "EUR"}. */
  public static Money of(String amount, String currencyCode) {
    return new Money(parseAmount(amount), currency(currencyCode));
  }

  /** {@code amount} in the ISO currency {@code currencyCode}. */
  public static Money of(BigDecimal amount, String currencyCode) {
    return new Money(amount, currency(currencyCode));
  }

  /** An amount given in minor units (cents): {@code ofMinor(1250, EUR)} is 12.50 EUR. */
  public static Money ofMinor(long minorUnits, Currency currency) {
    Checks.notNull("Money.currency", currency);
    return new Money(BigDecimal.valueOf(minorUnits, Math.max(currency.getDefaultFractionDigits(), 0)),
        currency);
  }

  /** Zero in {@code currency}. */
  public static Money zero(Currency currency) {
    return ofMinor(0, currency);
  }

  /**
   * The currency for an ISO 4217 code.
   *
   * @throws IllegalArgumentException naming the code if it is not a known currency
   */
  public static Currency currency(String currencyCode) {
    Checks.notNull("Money.currency", currencyCode);
    try {
      return Currency.getInstance(currencyCode.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Checks.invalid("Money.currency", "unknown ISO 4217 currency code", currencyCode);
    }
  }

  private static BigDecimal parseAmount(String amount) {
    Checks.notNull("Money.amount", amount);
    if (amount.indexOf('e') >= 0 || amount.indexOf('E') >= 0) {
      // BigDecimal reads 1e3 as 1000; a price column with exponents is a broken export, not money
      throw Checks.invalid("Money.amount", "not a plain decimal number (no exponent)", amount);
    }
    try {
      return new BigDecimal(amount.strip());
    } catch (NumberFormatException e) {
      throw Checks.invalid("Money.amount", "not a decimal number", amount);
    }
  }

  /** The amount in minor units (cents), exact. */
  public long minorUnits() {
    return amount.unscaledValue().longValueExact();
  }

  /** {@code this + other}; both in the same currency. */
  public Money plus(Money other) {
    return new Money(amount.add(sameCurrency(other).amount), currency);
  }

  /** {@code this - other}; both in the same currency. */
  public Money minus(Money other) {
    return new Money(amount.subtract(sameCurrency(other).amount), currency);
  }

  /** {@code this × factor}, e.g. a unit price times a quantity. */
  public Money times(long factor) {
    return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
  }

  /** {@code -this}. */
  public Money negate() {
    return new Money(amount.negate(), currency);
  }

  /** Whether the amount is zero. */
  public boolean isZero() {
    return amount.signum() == 0;
  }

  /** Whether the amount is below zero. */
  public boolean isNegative() {
    return amount.signum() < 0;
  }

  /** Whether the amount is above zero. */
  public boolean isPositive() {
    return amount.signum() > 0;
  }

  /**
   * Compares amounts of the same currency.
   *
   * @throws IllegalArgumentException if the currencies differ
   */
  @Override
  public int compareTo(Money other) {
    return amount.compareTo(sameCurrency(other).amount);
  }

  private Money sameCurrency(Money other) {
    Checks.notNull("Money", other);
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException("Money.currency: cannot mix currencies "
          + currency.getCurrencyCode() + " and " + other.currency.getCurrencyCode()
          + " ('" + this + "' and '" + other + "')");
    }
    return other;
  }

  /** {@code "12.50 EUR"}. */
  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency.getCurrencyCode();
  }
}
