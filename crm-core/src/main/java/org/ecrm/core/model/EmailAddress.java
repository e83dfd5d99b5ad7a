package org.ecrm.core.model;

import java.util.Locale;
import org.ecrm.core.internal.check.Checks;

/**
 * An e-mail address, normalised to lower case without surrounding white space, validated against
 * the practical subset of RFC 5321 that real mail systems accept: a dot-atom local part of at most 64
 * characters, {@code @}, and a domain of at least two labels of letters, digits and hyphens (at most
 * 254 characters in all). Quoted local parts and IP literals are refused. Immutable and thread-safe.
 *
 * @param value the normalised address
 */
public record EmailAddress(String value) implements Comparable<EmailAddress> {
  /** The characters of a dot-atom's atoms besides lower-case letters and digits. */
  private static final String ATEXT = "!#$%&'*+/=?^_`{|}~-";

  /**
   * Normalises and validates the address.
   *
   * @throws IllegalArgumentException naming the value if it is not a valid address
   */
  public EmailAddress {
    Checks.notNull("EmailAddress.value", value);
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (!valid(v)) {
      throw Checks.invalid("EmailAddress.value", "invalid e-mail address", Checks.abbreviate(value));
    }
    value = v;
  }

  /** Parses and normalises {@code value}. */
  public static EmailAddress of(String value) {
    return new EmailAddress(value);
  }

  private static boolean valid(String v) {
    if (v.length() > 254) {
      return false;
    }
    int at = v.lastIndexOf('@');
    if (at <= 0 || at > 64 || at == v.length() - 1) {
      return false;
    }
    // local part: dot-separated non-empty atoms of [a-z0-9] and ATEXT (no leading, trailing or double dot)
    char prev = '.';
    for (int i = 0; i < at; i++) {
      char c = v.charAt(i);
      if (c == '.') {
        if (prev == '.') {
          return false;
        }
      } else if (!alnum(c) && ATEXT.indexOf(c) < 0) {
        return false;
      }
      prev = c;
    }
    if (prev == '.') {
      return false;
    }
    // domain: at least two dot-separated labels of 1..63 [a-z0-9-], starting and ending alphanumeric
    int labels = 0;
    int start = at + 1;
    int lastStart = start;
    while (true) {
      int dot = v.indexOf('.', start);
      int end = dot < 0 ? v.length() : dot;
      if (!label(v, start, end)) {
        return false;
      }
      labels++;
      lastStart = start;
      if (dot < 0) {
        break;
      }
      start = dot + 1;
    }
    return labels >= 2 && !Character.isDigit(v.charAt(lastStart));
  }

  private static boolean alnum(char c) {
    return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
  }

  /** Whether {@code v[start, end)} is a label: {@code [a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?}. */
  private static boolean label(String v, int start, int end) {
    int n = end - start;
    if (n < 1 || n > 63 || !alnum(v.charAt(start)) || !alnum(v.charAt(end - 1))) {
      return false;
    }
    for (int i = start + 1; i < end - 1; i++) {
      char c = v.charAt(i);
      if (!alnum(c) && c != '-') {
        return false;
      }
    }
    return true;
  }

  /** The part after the {@code @}. */
  public String domain() {
    return value.substring(value.lastIndexOf('@') + 1);
  }

  @Override
  public int compareTo(EmailAddress other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
