package org.ecrm.core.model;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ecrm.core.internal.check.Checks;

/**
 * A postal address. Street lines, city and postal code are free text; the country is an ISO 3166-1
 * alpha-2 code, upper case. Immutable and thread-safe.
 *
 * @param lines street lines (at least one, at most four)
 * @param postalCode the postal code, may be empty where a country has none
 * @param city the city or locality
 * @param region a state, county or province, may be empty
 * @param country ISO 3166-1 alpha-2 country code, e.g. {@code "DE"}
 */
public record PostalAddress(List<String> lines, String postalCode, String city, String region,
    String country) {
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  /**
   * Validates the address.
   *
   * @throws IllegalArgumentException naming the field for no street line, a blank city or an unknown
   *     country code
   */
  public PostalAddress {
    lines = Checks.list("PostalAddress.lines", lines).stream()
        .map(l -> Checks.line("PostalAddress.lines", l)).filter(l -> !l.isEmpty()).toList();
    if (lines.isEmpty() || lines.size() > 4) {
      throw Checks.invalid("PostalAddress.lines", "must have 1 to 4 non-blank lines", lines);
    }
    postalCode = Checks.line("PostalAddress.postalCode", postalCode);
    city = Checks.line("PostalAddress.city", city);
    if (city.isEmpty()) {
      throw Checks.invalid("PostalAddress.city", "must not be blank", city);
    }
    region = Checks.line("PostalAddress.region", region);
    Checks.notNull("PostalAddress.country", country);
    String c = country.strip().toUpperCase(Locale.ROOT);
    if (!COUNTRIES.contains(c)) {
      throw Checks.invalid("PostalAddress.country", "not an ISO 3166-1 alpha-2 country code", country);
    }
    country = c;
  }

  /** An address with one street line and no region. */
  public static PostalAddress of(String street, String postalCode, String city, String country) {
    return new PostalAddress(List.of(street), postalCode, city, "", country);
  }
}
