package org.ecrm.tracking;

import java.util.Locale;
import java.util.Set;

/** Id rules shared by events and identity: no placeholders, no control characters, bounded length. */
final class Ids {
  /** The longest id accepted. */
  public static final int MAX_ID_LENGTH = 256;

  private static final Set<String> PLACEHOLDERS =
      Set.of("null", "undefined", "0", "guest", "anonymous", "nil", "none", "nan", "-");

  private Ids() {}

  /** True if {@code id} is a placeholder that must never identify anyone. */
  public static boolean isPlaceholder(String id) {
    String s = id.strip();
    return s.isEmpty() || PLACEHOLDERS.contains(s.toLowerCase(Locale.ROOT));
  }

  /**
   * Checks an id.
   *
   * @throws InvalidEventException naming {@code field} if the id is a placeholder, too long or has control characters
   */
  public static String check(String field, String id) {
    if (isPlaceholder(id)) {
      throw new InvalidEventException(field, "placeholder id refused: \"" + id + "\"");
    }
    if (id.length() > MAX_ID_LENGTH) {
      throw new InvalidEventException(field, "id longer than " + MAX_ID_LENGTH + " characters: " + id.length());
    }
    for (int i = 0; i < id.length(); i++) {
      if (Character.isISOControl(id.charAt(i))) {
        throw new InvalidEventException(field, "id contains a control character at index " + i);
      }
    }
    return id;
  }
}
