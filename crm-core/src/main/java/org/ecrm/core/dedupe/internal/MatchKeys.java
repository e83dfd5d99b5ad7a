package org.ecrm.core.dedupe.internal;

import java.text.Normalizer;
import java.util.Locale;
import org.ecrm.core.model.PersonName;
import org.ecrm.core.model.PostalAddress;

/**
 * The normalised keys duplicate matching compares: a person's full name folded to lower-case words without accents
 * ({@link #name}) and a postcode with country ({@link #postcode}). Thread-safe (stateless).
 */
public final class MatchKeys {
  private MatchKeys() {}

  /**
   * A full name for comparison: accents removed (NFD, combining marks dropped), lower case, every run
   * of non-letters and non-digits turned into one space, stripped. {@code "  José  O'Neil-Smith"} gives
   * {@code "jose o neil smith"}; the unknown name gives {@code ""}.
   */
  public static String name(PersonName name) {
    String s = Normalizer.normalize(name.given() + " " + name.family(), Normalizer.Form.NFD);
    StringBuilder b = new StringBuilder(s.length());
    boolean space = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue;
      }
      if (Character.isLetterOrDigit(c)) {
        b.append(Character.toLowerCase(c));
        space = false;
      } else if (!space) {
        b.append(' ');
        space = true;
      }
    }
    int end = b.length();
    if (end > 0 && b.charAt(end - 1) == ' ') {
      b.setLength(end - 1);
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }

  /**
   * {@code "DE:10115"}: the country and the postal code upper case without spaces and hyphens; empty
   * when the address has no postal code.
   */
  public static String postcode(PostalAddress a) {
    String p = a.postalCode().replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
    return p.isEmpty() ? "" : a.country() + ":" + p;
  }
}
