package org.ecrm.core.model;

import java.util.Locale;
import java.util.regex.Pattern;
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
  private static final Pattern LOCAL =
      Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

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
    if (!LOCAL.matcher(v.substring(0, at)).matches()) {
      return false;
    }
    String[] labels = v.substring(at + 1).split("\\.", -1);
    if (labels.length < 2) {
      return false;
    }
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return !Character.isDigit(labels[labels.length - 1].charAt(0));
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
