package org.ecrm.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {
  private static final Currency EUR = Currency.getInstance("EUR");

  @Test
  void of_scalesToCurrencyDigits() {
    assertThat(Money.of("12.5", "eur")).isEqualTo(Money.ofMinor(1250, EUR));
    assertThat(Money.of("12.5", "EUR").toString()).isEqualTo("12.50 EUR");
    assertThat(Money.of("1000", "JPY").minorUnits()).isEqualTo(1000);
  }

  @Test
  void of_moreDigitsThanCurrencyAllows_isRefusedNotRounded() {
    assertThatThrownBy(() -> Money.of("1.234", "EUR")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Money.amount: has more than 2 fraction digits for EUR '1.234'");
    assertThatThrownBy(() -> Money.of("1.5", "JPY")).hasMessageContaining("0 fraction digits");
  }

  @Test
  void of_badAmountOrCurrency_namesTheValue() {
    assertThatThrownBy(() -> Money.of("12,50", "EUR")).hasMessage("Money.amount: not a decimal number '12,50'");
    assertThatThrownBy(() -> Money.of("1e3", "EUR"))
        .hasMessage("Money.amount: not a plain decimal number (no exponent) '1e3'");
    assertThatThrownBy(() -> Money.of("-2.5E+2", "EUR")).hasMessageContaining("no exponent");
    assertThatThrownBy(() -> Money.of("1", "XYZ1")).hasMessage("Money.currency: unknown ISO 4217 currency code 'XYZ1'");
    assertThatThrownBy(() -> new Money(null, EUR)).isInstanceOf(NullPointerException.class)
        .hasMessage("Money.amount must not be null");
  }

  @Test
  void arithmetic_isExact() {
    Money a = Money.of("0.10", "EUR");
    assertThat(a.plus(Money.of("0.20", "EUR"))).isEqualTo(Money.of("0.30", "EUR"));
    assertThat(a.minus(Money.of("0.30", "EUR"))).isEqualTo(Money.of("-0.20", "EUR"));
    assertThat(a.times(3)).isEqualTo(Money.of("0.30", "EUR"));
    assertThat(a.negate().isNegative()).isTrue();
    assertThat(Money.zero(EUR).isZero()).isTrue();
    assertThat(Money.of(new BigDecimal("99999999999999999999.99"), "EUR").plus(a).amount())
        .isEqualByComparingTo("100000000000000000000.09");
  }

  @Test
  void arithmetic_mixedCurrencies_isRefused() {
    Money eur = Money.of("1.00", "EUR");
    Money usd = Money.of("1.00", "USD");
    assertThatThrownBy(() -> eur.plus(usd)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot mix currencies EUR and USD");
    assertThatThrownBy(() -> eur.minus(usd)).hasMessageContaining("cannot mix currencies");
    assertThatThrownBy(() -> eur.compareTo(usd)).hasMessageContaining("cannot mix currencies");
  }

  @Test
  void equality_ignoresTrailingZerosInInput() {
    assertThat(Money.of("5", "EUR")).isEqualTo(Money.of("5.00", "EUR")).hasSameHashCodeAs(Money.of("5.0", "EUR"));
  }
}
