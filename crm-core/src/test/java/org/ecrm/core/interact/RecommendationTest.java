package org.ecrm.core.interact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.Sku;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecommendationTest {
  private final Fixture f = new Fixture();

  @BeforeEach
  void history() {
    for (String c : List.of("ada", "bob", "cy", "dee")) {
      f.customer(c, c);
      f.segments.put(c, "Champions");
    }
    f.crm.products().create(Sku.of("TEA"), "Green tea", "kitchen", Money.of("2.50", "GBP"));
    f.crm.products().create(Sku.of("CUP"), "Tea cup", "kitchen", Money.of("2.50", "GBP"));
    f.order("ada", Fixture.START.minusSeconds(100), "TEA");
    f.order("bob", Fixture.START.minusSeconds(90), "TEA", "CUP", "POT");
    f.order("cy", Fixture.START.minusSeconds(80), "TEA", "CUP", "SPOON");
    f.order("dee", Fixture.START.minusSeconds(70), "CAKE");
    f.order("bob", Fixture.START.minusSeconds(60), "CAKE");
    f.order("cy", Fixture.START.minusSeconds(50), "CAKE");
    for (String s : List.of("TEA", "CUP", "POT", "SPOON", "CAKE")) {
      f.inventory.stock(Sku.of(s), 10);
    }
  }

  @Test
  void boughtTogether_first_thenPopularInSegment_eachWithItsReason() {
    Interact ix = f.builder().build();
    List<Recommendation> recs = ix.recommendations(CustomerId.of("ada"), 4);
    assertThat(recs).extracting(r -> r.sku().value()).containsExactly("CUP", "POT", "SPOON", "CAKE");
    assertThat(recs.get(0)).isEqualTo(new Recommendation(Sku.of("CUP"), "Tea cup",
        Recommendation.Kind.BOUGHT_TOGETHER, 2, "bought together with Green tea (TEA) in 2 orders"));
    assertThat(recs.get(3)).isEqualTo(new Recommendation(Sku.of("CAKE"), "", Recommendation.Kind.POPULAR_IN_SEGMENT,
        3, "bought by 3 customers in segment 'Champions'"));
  }

  @Test
  void neverRecommends_whatIsOwned_outOfStock_orDiscontinued() {
    f.inventory.stock(Sku.of("CUP"), 0);
    f.inventory.discontinue(Sku.of("POT"));
    Interact ix = f.builder().build();
    List<Recommendation> recs = ix.recommendations(CustomerId.of("ada"), 10);
    assertThat(recs).extracting(r -> r.sku().value()).containsExactly("SPOON", "CAKE");
    assertThat(ix.recommendations(CustomerId.of("bob"), 10)).extracting(r -> r.sku().value())
        .containsExactly("SPOON").doesNotContain("TEA", "CUP", "POT", "CAKE");
  }

  @Test
  void stockIsCheckedAtTheMomentOfUse_andNewOrdersAreSeen() {
    Interact ix = f.builder().build();
    assertThat(ix.recommendations(CustomerId.of("ada"), 1)).extracting(r -> r.sku().value()).containsExactly("CUP");
    f.inventory.stock(Sku.of("CUP"), 0);
    assertThat(ix.recommendations(CustomerId.of("ada"), 1)).extracting(r -> r.sku().value()).containsExactly("POT");
    f.order("ada", Fixture.START, "POT");
    assertThat(ix.recommendations(CustomerId.of("ada"), 1)).extracting(r -> r.sku().value())
        .containsExactly("SPOON");
  }

  @Test
  void limitMustBePositive() {
    Interact ix = f.builder().build();
    assertThatThrownBy(() -> ix.recommendations(CustomerId.of("ada"), 0))
        .hasMessageStartingWith("Interact.limit");
  }
}
