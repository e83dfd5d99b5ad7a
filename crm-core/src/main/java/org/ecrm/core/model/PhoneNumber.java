package org.ecrm.core.model;

import java.util.Set;
import org.ecrm.core.internal.check.Checks;

/**
 * A telephone number normalised to digits, with an optional ITU-T E.164 country calling code.
 * {@link #parse(String)} accepts the usual ways of writing a number — spaces, dots, hyphens,
 * parentheses, a leading {@code +} or {@code 00} for an international number — and splits the country
 * code off with the E.164 prefix table. Immutable and thread-safe.
 *
 * @param countryCode the country calling code (1 to 999), or 0 when the number is national
 * @param number the national significant number (or the national number with trunk prefix when
 *     {@code countryCode} is 0), digits only
 */
public record PhoneNumber(int countryCode, String number) implements Comparable<PhoneNumber> {
  // Two-digit calling codes; '1' and '7' are one digit; every other prefix is three digits (E.164 is
  // prefix-free, so this table is enough to split a number).
  private static final Set<String> TWO_DIGIT_CODES = Set.of(
      "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47",
      "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65",
      "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98");

  /**
   * Validates the parts.
   *
   * @throws IllegalArgumentException if the code is out of range or the number is not 3..15 digits
   *     (E.164 allows at most 15 digits with the country code)
   */
  public PhoneNumber {
    Checks.notNull("PhoneNumber.number", number);
    if (countryCode < 0 || countryCode > 999) {
      throw Checks.invalid("PhoneNumber.countryCode", "must be 0 (none) or 1..999", countryCode);
    }
    if (!number.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw Checks.invalid("PhoneNumber.number", "must contain only digits", number);
    }
    int total = number.length() + (countryCode == 0 ? 0 : String.valueOf(countryCode).length());
    if (number.length() < 3 || total > 15) {
      throw Checks.invalid("PhoneNumber.number", "must have 3 to 15 digits", number);
    }
  }

  /**
   * Parses a written number: {@code "+49 (30) 1234-567"}, {@code "0049 30 1234567"} or the national
   * {@code "030 1234567"}.
   *
   * @throws IllegalArgumentException naming the value if it has letters, misplaced {@code +} or too
   *     few or too many digits
   */
  public static PhoneNumber parse(String text) {
    Checks.notNull("PhoneNumber", text);
    String s = text.strip();
    StringBuilder digits = new StringBuilder(s.length());
    boolean international = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if (c == '+' && i == 0) {
        international = true;
      } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')' && c != '/') {
        throw Checks.invalid("PhoneNumber", "unexpected character '" + c + "' in phone number", text);
      }
    }
    String d = digits.toString();
    if (!international && d.startsWith("00")) {
      international = true;
      d = d.substring(2);
    }
    if (!international) {
      return new PhoneNumber(0, d);
    }
    if (d.isEmpty() || d.charAt(0) == '0') {
      throw Checks.invalid("PhoneNumber", "an international number must start with a country code", text);
    }
    int len = d.charAt(0) == '1' || d.charAt(0) == '7' ? 1
        : d.length() >= 2 && TWO_DIGIT_CODES.contains(d.substring(0, 2)) ? 2 : 3;
    if (d.length() <= len) {
      throw Checks.invalid("PhoneNumber", "must have 3 to 15 digits", text);
    }
    try {
      return new PhoneNumber(Integer.parseInt(d.substring(0, len)), d.substring(len));
    } catch (IllegalArgumentException e) {
      throw Checks.invalid("PhoneNumber", "must have 3 to 15 digits", text);
    }
  }

  /** Whether the number carries a country calling code. */
  public boolean isInternational() {
    return countryCode != 0;
  }

  /** {@code "+49301234567"} for an international number, the digits otherwise. */
  public String canonical() {
    return countryCode == 0 ? number : "+" + countryCode + number;
  }

  @Override
  public int compareTo(PhoneNumber other) {
    return canonical().compareTo(other.canonical());
  }

  /** The {@link #canonical()} form, which {@link #parse(String)} reads back. */
  @Override
  public String toString() {
    return canonical();
  }
}
