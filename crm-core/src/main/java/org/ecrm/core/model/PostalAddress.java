package org.ecrm.core.model;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ecrm.core.internal.check.Checks;

/**
 * A postal address, whole or in part. Street lines, city, postal code and region are free text; the
 * country is an ISO 3166-1 alpha-2 code, upper case, or empty when unknown. A street address has its
 * city; otherwise any part may stand alone (a country, a city, a postal code: what a sign-up form or a
 * shop export often knows), but an address has at least one part. Immutable and thread-safe.
 *
 * @param lines street lines (none, or one to four)
 * @param postalCode the postal code, may be empty where a country has none
 * @param city the city or locality, may be empty when there are no street lines
 * @param region a state, county or province, may be empty
 * @param country ISO 3166-1 alpha-2 country code, e.g. {@code "DE"}, or empty when unknown
 */
public record PostalAddress(List<String> lines, String postalCode, String city, String region,
    String country) {
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  /**
   * Validates the address.
   *
   * @throws IllegalArgumentException naming the field for more than four street lines, street lines
   *     without a city, an unknown country code or no part at all
   */
  public PostalAddress {
    lines = Checks.list("PostalAddress.lines", lines).stream()
        .map(l -> Checks.line("PostalAddress.lines", l)).filter(l -> !l.isEmpty()).toList();
    if (lines.size() > 4) {
      throw Checks.invalid("PostalAddress.lines", "must have at most 4 non-blank lines", lines);
    }
    postalCode = Checks.line("PostalAddress.postalCode", postalCode);
    city = Checks.line("PostalAddress.city", city);
    if (city.isEmpty() && !lines.isEmpty()) {
      throw Checks.invalid("PostalAddress.city", "must not be blank", city);
    }
    region = Checks.line("PostalAddress.region", region);
    Checks.notNull("PostalAddress.country", country);
    String c = country.strip().toUpperCase(Locale.ROOT);
    if (!c.isEmpty() && !COUNTRIES.contains(c)) {
      throw Checks.invalid("PostalAddress.country", "not an ISO 3166-1 alpha-2 country code", country);
    }
    if (lines.isEmpty() && postalCode.isEmpty() && city.isEmpty() && region.isEmpty() && c.isEmpty()) {
      throw Checks.invalid("PostalAddress", "needs at least one of street, postal code, city, region, country",
          "");
    }
    country = c;
  }

  /**
   * A street address: one street line, no region.
   *
   * @throws IllegalArgumentException for a blank street or city or an unknown country code
   */
  public static PostalAddress of(String street, String postalCode, String city, String country) {
    Checks.notNull("PostalAddress.lines", street);
    if (street.isBlank()) {
      throw Checks.invalid("PostalAddress.lines", "must have 1 to 4 non-blank lines", List.of(street));
    }
    return new PostalAddress(List.of(street), postalCode, city, "", country);
  }

  /**
   * An address that is only a country, e.g. from a sign-up form's country field.
   *
   * @param country ISO 3166-1 alpha-2 country code
   * @return the address
   * @throws IllegalArgumentException for an unknown country code
   */
  public static PostalAddress ofCountry(String country) {
    return new PostalAddress(List.of(), "", "", "", country);
  }
}
