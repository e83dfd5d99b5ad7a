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
