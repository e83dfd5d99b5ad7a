package org.ecrm.tracking;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Deep, validated, unmodifiable copies of JSON-like values. */
final class JsonValues {
  /** Deepest nesting accepted in properties. */
  public static final int MAX_DEPTH = 32;

  private JsonValues() {}

  /** Copies a property map; values must be JSON values. */
  public static Map<String, @Nullable Object> copyMap(String field, Map<String, ? extends @Nullable Object> map) {
    return copyMap(field, map, 0);
  }

  private static Map<String, @Nullable Object> copyMap(String field, Map<?, ?> map, int depth) {
    if (map.isEmpty()) {
      return Map.of();
    }
    LinkedHashMap<String, @Nullable Object> out = new LinkedHashMap<>(map.size() * 2);
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getKey() instanceof String key)) {
        throw new InvalidEventException(field, "keys must be strings: " + e.getKey());
      }
      out.put(key, copy(field + "." + key, e.getValue(), depth + 1));
    }
    return Collections.unmodifiableMap(out);
  }

  private static @Nullable Object copy(String field, @Nullable Object v, int depth) {
    if (depth > MAX_DEPTH) {
      throw new InvalidEventException(field, "nested deeper than " + MAX_DEPTH + " levels");
    }
    if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long
        || v instanceof BigDecimal || v instanceof BigInteger) {
      return v;
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        throw new InvalidEventException(field, "number must be finite: " + d);
      }
      return d;
    }
    if (v instanceof Float f) {
      return copy(field, f.doubleValue(), depth);
    }
    if (v instanceof Map<?, ?> m) {
      return copyMap(field, m, depth);
    }
    if (v instanceof List<?> l) {
      List<@Nullable Object> out = new ArrayList<>(l.size());
      for (int i = 0; i < l.size(); i++) {
        out.add(copy(field + "[" + i + "]", l.get(i), depth + 1));
      }
      return Collections.unmodifiableList(out);
    }
    throw new InvalidEventException(field, "not a JSON value: " + v.getClass().getName());
  }

  /** A rough UTF-8 size of a value, used for limits on events built in code. */
  public static long estimateBytes(@Nullable Object v) {
    if (v == null) {
      return 4;
    }
    if (v instanceof String s) {
      return s.length() + 2L;
    }
    if (v instanceof Map<?, ?> m) {
      long n = 2;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        n += ((String) e.getKey()).length() + 4L + estimateBytes(e.getValue());
      }
      return n;
    }
    if (v instanceof List<?> l) {
      long n = 2;
      for (Object o : l) {
        n += 1 + estimateBytes(o);
      }
      return n;
    }
    return 8;
  }
}
