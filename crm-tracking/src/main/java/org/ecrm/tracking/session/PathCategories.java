package org.ecrm.tracking.session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Maps URL paths to interest categories by prefix; the longest matching prefix wins
 * ({@code "/blog/java/"} before {@code "/blog/"}). Immutable and thread-safe.
 */
public final class PathCategories {
  /** No categories at all. */
  public static final PathCategories NONE = new PathCategories(Map.of());

  private final List<Map.Entry<String, String>> rules;

  private PathCategories(Map<String, String> prefixToCategory) {
    List<Map.Entry<String, String>> r = new ArrayList<>(prefixToCategory.entrySet());
    r.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed()
        .thenComparing(Map.Entry::getKey));
    this.rules = List.copyOf(r);
  }

  /**
   * Categories from a map of path prefix to category name.
   *
   * @throws IllegalArgumentException naming a prefix that does not start with {@code /} or a blank category
   */
  public static PathCategories of(Map<String, String> prefixToCategory) {
    for (Map.Entry<String, String> e : prefixToCategory.entrySet()) {
      if (!e.getKey().startsWith("/")) {
        throw new IllegalArgumentException("path prefix must start with '/': \"" + e.getKey() + "\"");
      }
      if (Objects.requireNonNull(e.getValue(), "category").isBlank()) {
        throw new IllegalArgumentException("category of \"" + e.getKey() + "\" must not be blank");
      }
    }
    return new PathCategories(prefixToCategory);
  }

  /** The category of a path, empty if no prefix matches. */
  public Optional<String> categoryOf(String path) {
    for (Map.Entry<String, String> e : rules) {
      if (path.startsWith(e.getKey())) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }
}
