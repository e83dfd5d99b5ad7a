package org.ecrm.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CustomerTest {
  private static final Instant T = Instant.parse("2024-01-01T00:00:00Z");

  private static Customer.Builder valid() {
    return Customer.builder().id("c1").createdAt(T).updatedAt(T);
  }

  @Test
  void builder_collectsEverything_andCollectionsAreImmutable() {
    Customer c = valid().name("Ada", "Lovelace").email("ada@example.com").email("ADA@example.com")
        .phone("+44 20 7946 0000").address(PostalAddress.of("1 St", "N1", "London", "GB"))
        .externalId("web", "u1").attribute("birthday", AttributeValue.of(LocalDate.of(1815, 12, 10)))
        .attribute("score", AttributeValue.of(new BigDecimal("4.5"))).tag("vip", "early-adopter")
        .stage(LifecycleStage.CUSTOMER).source("import-2024").build();
    assertThat(c.emails()).containsExactly(EmailAddress.of("ada@example.com"));
    assertThat(c.primaryEmail()).contains(EmailAddress.of("ada@example.com"));
    assertThat(c.primaryPhone().map(PhoneNumber::canonical)).contains("+442079460000");
    assertThat(c.externalId("web")).contains(ExternalId.of("web", "u1"));
    assertThat(c.tags()).containsExactly("early-adopter", "vip");
    assertThat(c.attributes().keySet()).containsExactly("birthday", "score");
    assertThatThrownBy(() -> c.tags().add("x")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> c.emails().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThat(c.toBuilder().build()).isEqualTo(c);
  }

  @Test
  void builder_badInput_namesTheField() {
    assertThatThrownBy(() -> valid().email("nope")).hasMessage("EmailAddress.value: invalid e-mail address 'nope'");
    assertThatThrownBy(() -> valid().tag("has space")).hasMessageStartingWith("Customer.tags: must start with");
    assertThatThrownBy(() -> valid().attribute("", AttributeValue.of(1)))
        .hasMessage("Customer.attributes key: must not be blank ''");
    assertThatThrownBy(() -> valid().version(0)).hasMessage("Customer.version: must be positive '0'");
    assertThatThrownBy(() -> Customer.builder().createdAt(T).updatedAt(T).build())
        .isInstanceOf(NullPointerException.class).hasMessage("Customer.id must not be null");
    assertThatThrownBy(() -> valid().updatedAt(T.minusSeconds(1)).build())
        .hasMessageStartingWith("Customer.updatedAt: is before createdAt");
  }

  @Test
  void builder_copy_isIndependent() {
    Customer.Builder a = valid().tag("a");
    Customer.Builder b = a.copy().tag("b");
    assertThat(a.build().tags()).containsExactly("a");
    assertThat(b.build().tags()).containsExactly("a", "b");
  }

  @Test
  void toBuilder_sharesTheCustomersValues_untilAChange_andNeverChangesTheCustomer() {
    Customer c = valid().email("a@example.com").phone("+44 20 7946 0000").externalId("web", "u1")
        .attribute("k", AttributeValue.of(1)).tag("t").address(PostalAddress.of("1 St", "N1", "London", "GB"))
        .build();
    Customer.Builder b = c.toBuilder();
    Customer same = b.build();
    assertThat(same).isEqualTo(c);
    Customer changed = b.email("b@example.com").phone("+44 20 7946 0001").externalId("shop", "s1")
        .attribute("j", AttributeValue.of(2)).removeAttribute("k").tag("u").untag("t")
        .address(PostalAddress.of("2 St", "N2", "London", "GB")).build();
    assertThat(c.emails()).extracting(EmailAddress::value).containsExactly("a@example.com");
    assertThat(c.phones()).hasSize(1);
    assertThat(c.externalIds()).containsExactly(ExternalId.of("web", "u1"));
    assertThat(c.attributes().keySet()).containsExactly("k");
    assertThat(c.tags()).containsExactly("t");
    assertThat(c.addresses()).hasSize(1);
    assertThat(changed.emails()).extracting(EmailAddress::value).containsExactly("a@example.com", "b@example.com");
    assertThat(changed.phones()).hasSize(2);
    assertThat(changed.externalIds()).hasSize(2);
    assertThat(changed.attributes().keySet()).containsExactly("j");
    assertThat(changed.tags()).containsExactly("u");
    assertThat(changed.addresses()).hasSize(2);
    // a built customer does not see later changes of its builder
    Customer first = b.build();
    b.emails(java.util.List.of()).tags(java.util.List.of()).attributes(java.util.Map.of());
    assertThat(first.emails()).hasSize(2);
    assertThat(first.tags()).containsExactly("u");
    assertThat(b.build().emails()).isEmpty();
  }

  @Test
  void builder_copy_isIndependent_inEveryCollection_bothWays() {
    Customer.Builder a = valid().email("a@example.com").tag("a").attribute("k", AttributeValue.of(1));
    Customer.Builder shared = valid().build().toBuilder(); // collections still shared with the customer
    for (Customer.Builder original : java.util.List.of(a, shared)) {
      Customer before = original.build();
      Customer.Builder copy = original.copy();
      copy.email("c@example.com").tag("c").attribute("c", AttributeValue.of(3)).phone("+44 20 7946 0002")
          .externalId("web", "c").address(PostalAddress.of("3 St", "N3", "London", "GB"));
      assertThat(original.build()).isEqualTo(before);
      original.email("o@example.com").tag("o");
      assertThat(copy.build().emails()).extracting(EmailAddress::value).doesNotContain("o@example.com");
      assertThat(copy.build().tags()).doesNotContain("o").contains("c");
    }
  }

  @Test
  void account_contactsAndRoles() {
    Account acc = new Account(AccountId.of("a1"), "ACME", "acme.example", java.util.List.of(),
        java.util.Map.of(), T, T, 1);
    CustomerId ada = CustomerId.of("ada");
    Account withRoles = acc.withContact(new AccountContact(ada, BuyingRole.DECISION_MAKER))
        .withContact(new AccountContact(ada, BuyingRole.BUYER))
        .withContact(new AccountContact(ada, BuyingRole.BUYER));
    assertThat(withRoles.rolesOf(ada)).containsExactly(BuyingRole.DECISION_MAKER, BuyingRole.BUYER);
    assertThat(withRoles.withoutContact(ada).contacts()).isEmpty();
    assertThatThrownBy(() -> new Account(AccountId.of("a"), " ", "", java.util.List.of(), java.util.Map.of(), T, T, 1))
        .hasMessage("Account.name: must not be blank ''");
  }

  @Test
  void consentAndInteraction_validateFields() {
    assertThatThrownBy(() -> new ConsentRecord(CustomerId.of("c"), "news letter", Channel.EMAIL,
        ConsentStatus.GRANTED, LawfulBasis.CONSENT, "", T)).hasMessageStartingWith("ConsentRecord.purpose:");
    assertThatThrownBy(() -> Interaction.builder(CustomerId.of("c"), Channel.PHONE, InteractionType.QUERY)
        .id(InteractionId.of("i")).build()).hasMessage("Interaction.occurredAt must not be null");
    assertThatThrownBy(() -> Product.of(Sku.of("p"), "P", "", Money.of("-1", "EUR"), T))
        .hasMessage("Product.listPrice: must not be negative '-1.00 EUR'");
  }
}
