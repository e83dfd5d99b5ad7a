package org.ecrm.core.internal.check;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Argument checks shared by the domain records and services. Every failure names the record, the
 * field and the offending value, e.g. {@code Customer.emails[1]: invalid e-mail address 'a@'}.
 *
 * <p>Internal: not part of the API. Thread-safe (stateless).
 */
public final class Checks {
  private static final Set<String> NO_TOKENS = Collections.unmodifiableSortedSet(new TreeSet<>());
  private static final Map<String, ?> NO_ENTRIES = Collections.unmodifiableSortedMap(new TreeMap<>());
  /** Longest accepted id, key or token. */
  public static final int MAX_KEY_LENGTH = 128;
  /** Longest accepted free-text field. */
  public static final int MAX_TEXT_LENGTH = 65_536;

  private Checks() {}

  /** Returns {@code value} or throws a {@link NullPointerException} naming {@code where}. */
  public static <T> T notNull(String where, @Nullable T value) {
    if (value == null) {
      throw new NullPointerException(where + " must not be null");
    }
    return value;
  }

  /** Builds the standard message {@code where: reason 'value'}. */
  public static IllegalArgumentException invalid(String where, String reason, @Nullable Object value) {
    return new IllegalArgumentException(where + ": " + reason + " '" + value + "'");
  }

  /** A stripped, non-blank identifier of at most 128 characters with no control characters or unpaired surrogates. */
  public static String id(String where, @Nullable String value) {
    notNull(where, value);
    String v = value.strip();
    if (v.isEmpty()) {
      throw invalid(where, "must not be blank", value);
    }
    if (v.length() > MAX_KEY_LENGTH) {
      throw invalid(where, "longer than " + MAX_KEY_LENGTH + " characters", abbreviate(v));
    }
    noControl(where, v);
    return v;
  }

  /** A token such as a tag, purpose or attribute key: letters, digits, {@code _ . : -}. */
  public static String token(String where, @Nullable String value) {
    String v = id(where, value);
    if (!isToken(v)) {
      throw invalid(where, "must start with a letter or digit and contain only letters, digits, '_', '.', ':' or '-'", v);
    }
    return v;
  }

  /**
   * Whether {@code v} is a token: {@code [A-Za-z0-9][A-Za-z0-9_.:-]*}. A loop, not the regular
   * expression: tags, keys and audit actions are checked on every write.
   */
  static boolean isToken(String v) {
    int n = v.length();
    if (n == 0 || !asciiAlnum(v.charAt(0))) {
      return false;
    }
    for (int i = 1; i < n; i++) {
      char c = v.charAt(i);
      if (!asciiAlnum(c) && c != '_' && c != '.' && c != ':' && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean asciiAlnum(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }

  /** Free text, possibly empty, stripped, at most {@code 65,536} characters, without unpaired surrogates. */
  public static String text(String where, @Nullable String value) {
    notNull(where, value);
    String v = value.strip();
    if (v.length() > MAX_TEXT_LENGTH) {
      throw invalid(where, "longer than " + MAX_TEXT_LENGTH + " characters", abbreviate(v));
    }
    if (firstBad(v, false) >= 0) {
      throw invalid(where, UNPAIRED, abbreviate(v));
    }
    return v;
  }

  /**
   * Short free text (a name, a subject) without control characters or unpaired surrogates, at most 1,000
   * characters.
   */
  public static String line(String where, @Nullable String value) {
    notNull(where, value);
    String v = value.strip();
    if (v.length() > 1000) {
      throw invalid(where, "longer than 1000 characters", abbreviate(v));
    }
    noControl(where, v);
    return v;
  }

  private static void noControl(String where, String v) {
    int at = firstBad(v, true);
    if (at >= 0) {
      throw invalid(where, Character.isSurrogate(v.charAt(at)) ? UNPAIRED : "must not contain control characters",
          abbreviate(v));
    }
  }

  /** The reason a text with half a UTF-16 surrogate pair is refused. */
  private static final String UNPAIRED = "must not contain an unpaired surrogate (half of a character: not valid"
      + " Unicode, and a database would store it as '?')";

  /**
   * The index of the first control character (U+0000–U+001F, U+007F–U+009F; only when {@code controls})
   * or unpaired surrogate in {@code v}, or -1; a tight loop.
   */
  private static int firstBad(String v, boolean controls) {
    for (int i = 0, n = v.length(); i < n; i++) {
      char c = v.charAt(i);
      if (controls && (c < 0x20 || c >= 0x7F && c <= 0x9F)) {
        return i;
      }
      if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(v.charAt(i + 1))) {
          i++; // a whole pair: one character outside the Basic Multilingual Plane
        } else {
          return i;
        }
      }
    }
    return -1;
  }

  /** An immutable copy of a list with no null elements and no duplicates, order kept. */
  public static <T> List<T> distinctList(String where, @Nullable Collection<T> values) {
    notNull(where, values);
    int n = values.size();
    if (n == 0) {
      return List.of();
    }
    if (n == 1) { // the usual case (one e-mail, one address): no set to build, no iterator
      T v = values instanceof List<T> l ? l.get(0) : values.iterator().next();
      return List.of(notNull(where + "[0]", v));
    }
    LinkedHashSet<T> set = new LinkedHashSet<>();
    int i = 0;
    for (T v : values) {
      notNull(where + "[" + i++ + "]", v);
      set.add(v);
    }
    return List.copyOf(set);
  }

  /** An immutable copy of a list with no null elements ({@link LazyList} is kept as it is). */
  public static <T> List<T> list(String where, @Nullable Collection<T> values) {
    notNull(where, values);
    if (values instanceof LazyList<T> lazy) {
      return lazy; // immutable; its elements are checked when computed
    }
    List<T> copy = new ArrayList<>(values.size());
    int i = 0;
    for (T v : values) {
      copy.add(notNull(where + "[" + i++ + "]", v));
    }
    return Collections.unmodifiableList(copy);
  }

  /**
   * An immutable copy of strings to search for, in their order, without duplicates: none null or empty
   * (the empty string is in every text). Fails naming {@code where} and the position of a bad element.
   */
  public static List<String> searchTexts(String where, @Nullable Collection<String> values) {
    notNull(where, values);
    LinkedHashSet<String> copy = new LinkedHashSet<>();
    int i = 0;
    for (String v : values) {
      notNull(where + "[" + i + "]", v);
      if (v.isEmpty()) {
        throw invalid(where + "[" + i + "]", "must not be empty (it is in every text)", v);
      }
      copy.add(v);
      i++;
    }
    return List.copyOf(copy);
  }

  /** An immutable sorted copy of a set of tokens. */
  public static Set<String> tokens(String where, @Nullable Collection<String> values) {
    notNull(where, values);
    if (values.isEmpty()) {
      return NO_TOKENS;
    }
    TreeSet<String> set = new TreeSet<>();
    for (String v : values) {
      set.add(token(where, v));
    }
    return Collections.unmodifiableSortedSet(set);
  }

  /** An immutable sorted copy of a map whose keys are tokens and whose values are checked. */
  public static <V> Map<String, V> tokenMap(String where, @Nullable Map<String, V> values,
      Consumer<V> valueCheck) {
    notNull(where, values);
    if (values.isEmpty()) {
      @SuppressWarnings("unchecked")
      Map<String, V> none = (Map<String, V>) NO_ENTRIES;
      return none;
    }
    TreeMap<String, V> map = new TreeMap<>();
    values.forEach((k, v) -> {
      String key = token(where + " key", k);
      notNull(where + "[" + key + "]", v);
      valueCheck.accept(v);
      map.put(key, v);
    });
    return Collections.unmodifiableSortedMap(map);
  }

  /** {@code value} if it is at least zero. */
  public static long nonNegative(String where, long value) {
    if (value < 0) {
      throw invalid(where, "must not be negative", value);
    }
    return value;
  }

  /** {@code value} if it is greater than zero. */
  public static long positive(String where, long value) {
    if (value <= 0) {
      throw invalid(where, "must be positive", value);
    }
    return value;
  }

  /** Shortens long values in messages so that an error never echoes megabytes of input. */
  public static String abbreviate(String v) {
    return v.length() <= 80 ? v : v.substring(0, 77) + "...";
  }

}
