package org.ecrm.segmentation.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads one JSON document into plain Java values with jackson-core's streaming parser (no jackson-databind):
 * objects as {@code Map<String, Object>} in document order (the last of a duplicate key winning), arrays as
 * {@code List}, integers as {@code Integer}, {@code Long} or {@code BigInteger}, other numbers as
 * {@code Double}, JSON null as {@link #NULL}. Thread-safe.
 */
public final class JsonValue {
  /** JSON {@code null}. */
  public static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private JsonValue() {}

  /**
   * Reads a document holding exactly one JSON value.
   *
   * @param json the text
   * @return the value, or {@link #NULL} for an empty document
   * @throws tools.jackson.core.JacksonException when the text is not one JSON value
   */
  public static Object read(String json) {
    try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), json)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return NULL;
      }
      Object v = value(p, t);
      JsonToken trailing = p.nextToken();
      if (trailing != null) {
        throw new StreamReadException(p, "Trailing token (of type " + trailing + ") found after the value");
      }
      return v;
    }
  }

  private static Object value(JsonParser p, JsonToken t) {
    switch (t) {
      case START_OBJECT: {
        Map<String, Object> m = new LinkedHashMap<>();
        for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
          String name = p.currentName();
          m.put(name, value(p, p.nextToken()));
        }
        return Collections.unmodifiableMap(m);
      }
      case START_ARRAY: {
        List<Object> l = new ArrayList<>();
        for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) {
          l.add(value(p, v));
        }
        return Collections.unmodifiableList(l);
      }
      case VALUE_STRING:
        return p.getString();
      case VALUE_NUMBER_INT:
        return p.getNumberValue();
      case VALUE_NUMBER_FLOAT:
        return p.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return NULL;
      default:
        throw new StreamReadException(p, "Unexpected token " + t);
    }
  }

  /**
   * The member {@code key} of {@code object}, or {@link #NULL} when {@code object} is not an object or has
   * no such member.
   *
   * @param object a value read by {@link #read}
   * @param key the member name
   * @return the member's value
   */
  public static Object member(@Nullable Object object, String key) {
    if (object instanceof Map<?, ?> m) {
      Object v = m.get(key);
      return v == null ? NULL : v;
    }
    return NULL;
  }
}
