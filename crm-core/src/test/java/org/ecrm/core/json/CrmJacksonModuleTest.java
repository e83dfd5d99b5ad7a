package org.ecrm.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ecrm.core.model.Account;
import org.ecrm.core.model.AccountContact;
import org.ecrm.core.model.AccountId;
import org.ecrm.core.model.AttributeValue;
import org.ecrm.core.model.BuyingRole;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.ConsentRecord;
import org.ecrm.core.model.ConsentStatus;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.Direction;
import org.ecrm.core.model.EmailAddress;
import org.ecrm.core.model.ExternalId;
import org.ecrm.core.model.Interaction;
import org.ecrm.core.model.InteractionId;
import org.ecrm.core.model.InteractionType;
import org.ecrm.core.model.LawfulBasis;
import org.ecrm.core.model.LifecycleStage;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.Order;
import org.ecrm.core.model.OrderId;
import org.ecrm.core.model.OrderStatus;
import org.ecrm.core.model.PersonName;
import org.ecrm.core.model.PhoneNumber;
import org.ecrm.core.model.PostalAddress;
import org.ecrm.core.model.Product;
import org.ecrm.core.model.Refund;
import org.ecrm.core.model.RefundId;
import org.ecrm.core.model.ReturnLine;
import org.ecrm.core.model.Sku;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

class CrmJacksonModuleTest {
  private static final Instant T = Instant.parse("2024-02-29T23:59:59.123Z");
  private static final JsonMapper MAPPER = JsonMapper.builder().addModule(new CrmJacksonModule()).build();

  static Customer fullCustomer() {
    return Customer.builder().id("c-1").name(PersonName.of("Zoë", "Ñúñez")).email("zoe@example.com")
        .email("z@example.org").phone("+49 30 1234567").phone("030 7654321")
        .address(new PostalAddress(List.of("Hauptstr. 1", "Hinterhaus"), "10115", "Berlin", "BE", "DE"))
        .externalId("web", "u-1").externalId("anonymous", "a-9")
        .attribute("text", AttributeValue.of("line1\n\"quoted\""))
        .attribute("number", AttributeValue.of(new BigDecimal("12345678901234567890.000123")))
        .attribute("flag", AttributeValue.of(true)).attribute("date", AttributeValue.of(LocalDate.of(2000, 2, 29)))
        .attribute("ts", AttributeValue.of(T)).tag("vip").tag("b2b").stage(LifecycleStage.CUSTOMER)
        .source("import").createdAt(T).updatedAt(T.plusSeconds(1)).version(7).build();
  }

  static Order refundedOrder() {
    Order o = Order.builder(CustomerId.of("c-1")).id("o-1").placedAt(T).channel(Channel.MOBILE_APP)
        .line("A", 3, Money.of("19.99", "EUR")).line("B", 1, Money.of("0.01", "EUR")).build();
    return o.withRefund(new Refund(RefundId.of("r-1"), T.plusSeconds(86_400), Money.of("19.99", "EUR"),
        List.of(new ReturnLine(Sku.of("A"), 1)), "size"), 2);
  }

  static Stream<Object> domainValues() {
    return Stream.of(
        fullCustomer(),
        refundedOrder(),
        refundedOrder().withStatus(OrderStatus.PARTIALLY_REFUNDED, 3),
        Order.builder(CustomerId.of("c")).id("o-jpy").placedAt(T).line("J", 1, Money.of("500", "JPY")).build(),
        new Account(AccountId.of("a-1"), "ACME", "acme.example",
            List.of(new AccountContact(CustomerId.of("c-1"), BuyingRole.GATEKEEPER)),
            Map.of("employees", AttributeValue.of(250)), T, T, 3),
        Product.of(Sku.of("BOOK"), "Book", "books/fiction", Money.of("9.90", "GBP"), T),
        Interaction.builder(CustomerId.of("c-1"), Channel.PHONE, InteractionType.COMPLAINT)
            .id(InteractionId.of("i-1")).direction(Direction.INBOUND).occurredAt(T).subject("Broken")
            .summary("It arrived broken.").attribute("rating", AttributeValue.of(1)).build(),
        new ConsentRecord(CustomerId.of("c-1"), "newsletter", Channel.EMAIL, ConsentStatus.WITHDRAWN,
            LawfulBasis.LEGITIMATE_INTERESTS, "call centre", T),
        Money.of("-0.05", "EUR"),
        EmailAddress.of("a@b.co"),
        PhoneNumber.parse("+1 415 555 0100"),
        PhoneNumber.parse("0301234"),
        ExternalId.of("shop", "42"),
        CustomerId.of("c-9"), OrderId.of("o-9"), AccountId.of("a-9"), Sku.of("S-9"),
        InteractionId.of("i-9"), RefundId.of("r-9"),
        PersonName.UNKNOWN);
  }

  @ParameterizedTest
  @MethodSource("domainValues")
  void roundTrip_isExact(Object value) {
    String json = MAPPER.writeValueAsString(value);
    Object back = MAPPER.readValue(json, value.getClass());
    assertThat(back).isEqualTo(value);
    assertThat(MAPPER.writeValueAsString(back)).isEqualTo(json);
  }

  @Test
  void eventsAndTimelineEntries_roundTripThroughTheirSealedType() {
    List<org.ecrm.core.event.CrmEvent> events = List.of(
        new org.ecrm.core.event.CrmEvent.CustomerCreated(fullCustomer(), T),
        new org.ecrm.core.event.CrmEvent.CustomerUpdated(fullCustomer(), fullCustomer().toBuilder().version(8).build(), T),
        new org.ecrm.core.event.CrmEvent.OrderRefunded(refundedOrder(), refundedOrder().refunds().get(0), T),
        new org.ecrm.core.event.CrmEvent.ConsentChanged(new ConsentRecord(CustomerId.of("c"), "ads", Channel.SMS,
            ConsentStatus.GRANTED, LawfulBasis.CONSENT, "", T), T));
    for (org.ecrm.core.event.CrmEvent e : events) {
      String json = MAPPER.writeValueAsString(e);
      assertThat(json).contains("\"kind\":\"" + e.getClass().getSimpleName() + "\"");
      assertThat(MAPPER.readValue(json, org.ecrm.core.event.CrmEvent.class)).isEqualTo(e);
    }
    org.ecrm.core.service.TimelineEntry entry = new org.ecrm.core.service.TimelineEntry.OrderRefunded(
        refundedOrder(), refundedOrder().refunds().get(0));
    assertThat(MAPPER.readValue(MAPPER.writeValueAsString(entry), org.ecrm.core.service.TimelineEntry.class))
        .isEqualTo(entry);
  }

  @Test
  void formats_areReadable() {
    assertThat(MAPPER.writeValueAsString(Money.of("12.5", "EUR")))
        .isEqualTo("{\"amount\":\"12.50\",\"currency\":\"EUR\"}");
    assertThat(MAPPER.writeValueAsString(CustomerId.of("c-1"))).isEqualTo("\"c-1\"");
    assertThat(MAPPER.writeValueAsString(PhoneNumber.parse("+49 30 1234"))).isEqualTo("\"+49301234\"");
    assertThat(MAPPER.writeValueAsString(AttributeValue.of(LocalDate.of(2024, 1, 2))))
        .isEqualTo("{\"type\":\"date\",\"value\":\"2024-01-02\"}");
    String customer = MAPPER.writeValueAsString(fullCustomer());
    assertThat(customer).contains("\"createdAt\":\"2024-02-29T23:59:59.123Z\"").contains("\"emails\":[\"zoe@example.com\"");
  }

  @Test
  void idsAsMapKeys_roundTrip() {
    Map<CustomerId, Money> m = Map.of(CustomerId.of("c-1"), Money.of("1.00", "EUR"));
    String json = MAPPER.writeValueAsString(m);
    assertThat(json).isEqualTo("{\"c-1\":{\"amount\":\"1.00\",\"currency\":\"EUR\"}}");
    assertThat(MAPPER.readValue(json, new TypeReference<Map<CustomerId, Money>>() { })).isEqualTo(m);
  }

  @Test
  void badJson_failsNamingTheProblem() {
    assertThatThrownBy(() -> MAPPER.readValue("{\"amount\":\"1.234\",\"currency\":\"EUR\"}", Money.class))
        .isInstanceOf(DatabindException.class).hasMessageContaining("has more than 2 fraction digits");
    assertThatThrownBy(() -> MAPPER.readValue("{\"amount\":1}", Money.class))
        .isInstanceOf(DatabindException.class).hasMessageContaining("Money must be");
    assertThatThrownBy(() -> MAPPER.readValue("\"not-an-email\"", EmailAddress.class))
        .isInstanceOf(DatabindException.class).hasMessageContaining("invalid e-mail address 'not-an-email'");
    assertThatThrownBy(() -> MAPPER.readValue("42", CustomerId.class))
        .isInstanceOf(DatabindException.class).hasMessageContaining("CustomerId must be a JSON string");
    assertThatThrownBy(() -> MAPPER.readValue("{\"type\":\"colour\",\"value\":\"red\"}", AttributeValue.class))
        .hasMessageContaining("unknown AttributeValue type 'colour'");
    String bad = MAPPER.writeValueAsString(fullCustomer()).replace("\"zoe@example.com\"", "\"zoe@\"");
    assertThatThrownBy(() -> MAPPER.readValue(bad, Customer.class)).isInstanceOf(DatabindException.class)
        .hasMessageContaining("invalid e-mail address 'zoe@'").hasMessageContaining("emails");
  }

  @Test
  void module_isFoundByServiceLoader() {
    JsonMapper discovered = JsonMapper.builder().findAndAddModules().build();
    assertThat(discovered.readValue("\"c-1\"", CustomerId.class)).isEqualTo(CustomerId.of("c-1"));
    assertThat(discovered.registeredModules()).anyMatch(m -> m instanceof CrmJacksonModule);
  }
}
