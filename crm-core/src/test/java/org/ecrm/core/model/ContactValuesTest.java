package org.ecrm.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** E-mail addresses, phone numbers, postal addresses, names and ids. */
class ContactValuesTest {

  @Test
  void email_isNormalisedToLowerCaseWithoutSpaces() {
    EmailAddress e = EmailAddress.of("  Ada.Lovelace+crm@Example.CO.uk ");
    assertThat(e.value()).isEqualTo("ada.lovelace+crm@example.co.uk");
    assertThat(e.domain()).isEqualTo("example.co.uk");
    assertThat(e).isEqualTo(EmailAddress.of("ADA.LOVELACE+CRM@EXAMPLE.CO.UK"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "plain", "@example.com", "a@", "a@b", "a@@b.com", "a b@example.com",
      "a..b@example.com", ".a@example.com", "a@-example.com", "a@example..com", "a@example.123",
      "a@exa_mple.com"})
  void email_invalid_isRefusedNamingTheValue(String value) {
    assertThatThrownBy(() -> EmailAddress.of(value)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("EmailAddress.value: invalid e-mail address '" + value + "'");
  }

  @Test
  void email_tooLong_isRefused() {
    String local = "a".repeat(65);
    assertThatThrownBy(() -> EmailAddress.of(local + "@example.com")).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({
      "'+49 (30) 1234-567', 49, 301234567, +49301234567",
      "'0049 30 1234567', 49, 301234567, +49301234567",
      "'+1 415 555 0100', 1, 4155550100, +14155550100",
      "'+44 20 7946 0000', 44, 2079460000, +442079460000",
      "'+353 1 234 5678', 353, 12345678, +35312345678",
      "'030/1234567', 0, 0301234567, 0301234567"})
  void phone_parse_splitsCountryCodeAndDigits(String text, int cc, String number, String canonical) {
    PhoneNumber p = PhoneNumber.parse(text);
    assertThat(p.countryCode()).isEqualTo(cc);
    assertThat(p.number()).isEqualTo(number);
    assertThat(p.canonical()).isEqualTo(canonical);
    assertThat(PhoneNumber.parse(p.toString())).isEqualTo(p);
    assertThat(p.isInternational()).isEqualTo(cc != 0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"12", "call me", "+0 123 456", "+49 30 12x4", "++4930", "1234567890123456"})
  void phone_invalid_isRefused(String text) {
    assertThatThrownBy(() -> PhoneNumber.parse(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(text);
  }

  @Test
  void postalAddress_validatesCountryAndCity() {
    PostalAddress a = PostalAddress.of(" 12 Main St ", "10115", "Berlin", "de");
    assertThat(a.country()).isEqualTo("DE");
    assertThat(a.lines()).containsExactly("12 Main St");
    assertThatThrownBy(() -> PostalAddress.of("x", "1", "Berlin", "XX"))
        .hasMessage("PostalAddress.country: not an ISO 3166-1 alpha-2 country code 'XX'");
    assertThatThrownBy(() -> PostalAddress.of("x", "1", " ", "DE"))
        .hasMessage("PostalAddress.city: must not be blank ''");
    assertThatThrownBy(() -> PostalAddress.of(" ", "1", "Berlin", "DE"))
        .hasMessageStartingWith("PostalAddress.lines: must have 1 to 4 non-blank lines");
  }

  @Test
  void ids_refuseBlankLongAndControlCharacters() {
    assertThat(CustomerId.of("  c-1 ").value()).isEqualTo("c-1");
    assertThatThrownBy(() -> CustomerId.of("  ")).hasMessage("CustomerId.value: must not be blank '  '");
    assertThatThrownBy(() -> OrderId.of("x".repeat(129))).hasMessageContaining("OrderId.value: longer than 128");
    assertThatThrownBy(() -> Sku.of("a\tb")).hasMessageContaining("Sku.value: must not contain control characters");
    assertThatThrownBy(() -> AccountId.of(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("AccountId.value must not be null");
  }

  /**
   * Half a surrogate pair is not a character: a database stores it as '?', so two ids that differ only in
   * it would become one. Ids, names and free text refuse it, naming the field; whole pairs are kept.
   */
  @Test
  void unpairedSurrogates_areRefused_inIdsNamesAndFreeText_wholePairsKept() {
    assertThatThrownBy(() -> CustomerId.of("c-\uD83D")).hasMessageContaining("CustomerId.value: must not contain an unpaired surrogate");
    assertThatThrownBy(() -> CustomerId.of("c-\uDE00x")).hasMessageContaining("CustomerId.value: must not contain an unpaired surrogate");
    assertThatThrownBy(() -> CustomerId.of("c-\uDE00\uD83D")).hasMessageContaining("unpaired surrogate");
    assertThat(CustomerId.of("c-\uD83D\uDE00").value()).isEqualTo("c-\uD83D\uDE00");
    assertThatThrownBy(() -> Customer.builder().id("c-1").name("Ada\uD800", "Lovelace").build())
        .hasMessageContaining("must not contain an unpaired surrogate");
    assertThatThrownBy(() -> Interaction.builder(CustomerId.of("c-1"), Channel.PHONE, InteractionType.QUERY)
        .id(InteractionId.of("i-1")).summary("about \uDC00 this").build()).hasMessageContaining("must not contain an unpaired surrogate");
    assertThat(Interaction.builder(CustomerId.of("c-1"), Channel.PHONE, InteractionType.QUERY)
        .id(InteractionId.of("i-1")).occurredAt(java.time.Instant.EPOCH).summary("about \uD83D\uDE00 this").build().summary()).isEqualTo("about \uD83D\uDE00 this");
    assertThatThrownBy(() -> Sku.of("a\tb")).hasMessageContaining("control characters");
  }

  @Test
  void externalId_systemMustBeAToken() {
    assertThat(ExternalId.of("web", "u-1").toString()).isEqualTo("web:u-1");
    assertThatThrownBy(() -> ExternalId.of("my system", "1"))
        .hasMessageStartingWith("ExternalId.system: must start with a letter or digit");
  }

  @Test
  void personName_fullName() {
    assertThat(PersonName.of("Ada", "Lovelace").full()).isEqualTo("Ada Lovelace");
    assertThat(PersonName.of("", "Lovelace").full()).isEqualTo("Lovelace");
    assertThat(PersonName.UNKNOWN.isUnknown()).isTrue();
  }
}
