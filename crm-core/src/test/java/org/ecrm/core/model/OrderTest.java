package org.ecrm.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderTest {
  private static final Instant T = Instant.parse("2024-01-01T12:00:00Z");

  private static Order order() {
    return Order.builder(CustomerId.of("c1")).id("o1").placedAt(T)
        .line("A", 2, Money.of("10.00", "EUR")).line("B", 1, Money.of("5.50", "EUR")).build();
  }

  private static Refund refund(String amount, ReturnLine... back) {
    return new Refund(RefundId.of("r"), T.plusSeconds(60), Money.of(amount, "EUR"), List.of(back), "");
  }

  @Test
  void total_isSumOfLines() {
    Order o = order();
    assertThat(o.total()).isEqualTo(Money.of("25.50", "EUR"));
    assertThat(o.lines().get(0).lineTotal()).isEqualTo(Money.of("20.00", "EUR"));
    assertThat(o.netTotal()).isEqualTo(o.total());
    assertThat(o.currency().getCurrencyCode()).isEqualTo("EUR");
    assertThat(o.status()).isEqualTo(OrderStatus.PLACED);
  }

  @Test
  void refunds_moveStatusAndNetTotal() {
    Order partly = order().withRefund(refund("5.50", new ReturnLine(Sku.of("B"), 1)), 2);
    assertThat(partly.status()).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
    assertThat(partly.netTotal()).isEqualTo(Money.of("20.00", "EUR"));
    Order all = partly.withRefund(refund("20.00"), 3);
    assertThat(all.status()).isEqualTo(OrderStatus.REFUNDED);
    assertThat(all.netTotal().isZero()).isTrue();
  }

  @Test
  void refund_largerThanOrder_isRefused() {
    assertThatThrownBy(() -> order().withRefund(refund("25.51"), 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Order.refunds[0].amount: refunds 25.51 EUR in all, more than the order o1 total 25.50 EUR '25.51 EUR'");
  }

  @Test
  void refund_returningMoreThanOrdered_isRefused() {
    assertThatThrownBy(() -> order().withRefund(refund("1.00", new ReturnLine(Sku.of("B"), 2)), 2))
        .hasMessageContaining("Order.refunds[0].returned: returns 2 of B but the order o1 has 1");
    assertThatThrownBy(() -> order().withRefund(refund("1.00", new ReturnLine(Sku.of("Z"), 1)), 2))
        .hasMessageContaining("returns 1 of Z but the order o1 has 0");
  }

  @Test
  void refund_inOtherCurrencyOrBeforePlacement_isRefused() {
    Refund usd = new Refund(RefundId.of("r"), T, Money.of("1.00", "USD"), List.of(), "");
    assertThatThrownBy(() -> order().withRefund(usd, 2)).hasMessageContaining("Order.refunds[0].amount: mixes currencies");
    Refund early = new Refund(RefundId.of("r"), T.minusSeconds(1), Money.of("1.00", "EUR"), List.of(), "");
    assertThatThrownBy(() -> order().withRefund(early, 2)).hasMessageContaining("Order.refunds[0].refundedAt: is before");
  }

  @Test
  void lines_badInput_isRefusedNamingTheField() {
    assertThatThrownBy(() -> new OrderLine(Sku.of("A"), 0, Money.of("1", "EUR")))
        .hasMessage("OrderLine.quantity: must be positive '0'");
    assertThatThrownBy(() -> new OrderLine(Sku.of("A"), -3, Money.of("1", "EUR")))
        .hasMessage("OrderLine.quantity: must be positive '-3'");
    assertThatThrownBy(() -> new OrderLine(Sku.of("A"), 1, Money.of("-1", "EUR")))
        .hasMessage("OrderLine.unitPrice: must not be negative '-1.00 EUR'");
    assertThatThrownBy(() -> Order.builder(CustomerId.of("c")).id("o").placedAt(T).build())
        .hasMessageStartingWith("Order.lines: an order needs at least one line");
    assertThatThrownBy(() -> Order.builder(CustomerId.of("c")).id("o").placedAt(T)
        .line("A", 1, Money.of("1", "EUR")).line("B", 1, Money.of("1", "USD")).build())
        .hasMessage("Order.lines[1].unitPrice: mixes currencies: the order is in EUR '1.00 USD'");
    assertThatThrownBy(() -> Order.builder(CustomerId.of("c")).status(OrderStatus.REFUNDED))
        .hasMessage("Order.status: a new order is PLACED or PAID 'REFUNDED'");
  }

  @Test
  void status_mustAgreeWithRefunds() {
    Order o = order();
    assertThatThrownBy(() -> new Order(o.id(), o.customerId(), o.placedAt(), o.lines(), OrderStatus.REFUNDED,
        o.channel(), List.of(), 1)).hasMessageStartingWith("Order.status: does not agree with the refunds");
  }
}
