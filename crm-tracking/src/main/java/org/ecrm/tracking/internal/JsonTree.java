package org.ecrm.tracking.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;

/**
 * A read-only JSON tree read with jackson-core's streaming parser: the few node operations the event
 * mapping needs, with the node kinds and numbers of a jackson-databind tree (integers as {@code Integer},
 * {@code Long} or {@code BigInteger}, other numbers as {@code Double}). Immutable and thread-safe.
 */
public final class JsonTree {
  /** The kind of a node. */
  public enum Type {
    /** A JSON array. */
    ARRAY,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** No content at all (an empty document). */
    MISSING,
    /** {@code null}. */
    NULL,
    /** A number. */
    NUMBER,
    /** A JSON object. */
    OBJECT,
    /** A string. */
    STRING
  }

  private static final JsonFactory WRITER = JsonFactory.builder().build();
  private static final JsonTree MISSING = new JsonTree(Type.MISSING, null);
  private static final JsonTree NULL = new JsonTree(Type.NULL, null);
  private static final JsonTree TRUE = new JsonTree(Type.BOOLEAN, Boolean.TRUE);
  private static final JsonTree FALSE = new JsonTree(Type.BOOLEAN, Boolean.FALSE);

  private final Type type;
  private final @Nullable Object value;

  private JsonTree(Type type, @Nullable Object value) {
    this.type = type;
    this.value = value;
  }

  /**
   * Reads one JSON document (an empty one is {@link Type#MISSING}); anything after the first value is
   * an error.
   */
  public static JsonTree read(JsonParser p) {
    JsonToken t = p.nextToken();
    if (t == null) {
      return MISSING;
    }
    JsonTree root = value(p, t);
    JsonToken trailing = p.nextToken();
    if (trailing != null) {
      throw new StreamReadException(p, "Trailing token (of type " + trailing + ") found after the value");
    }
    return root;
  }

  private static JsonTree value(JsonParser p, JsonToken t) {
    switch (t) {
      case START_OBJECT: {
        LinkedHashMap<String, JsonTree> m = new LinkedHashMap<>();
        for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
          String name = p.currentName();
          m.put(name, value(p, p.nextToken()));
        }
        return new JsonTree(Type.OBJECT, Collections.unmodifiableMap(m));
      }
      case START_ARRAY: {
        ArrayList<JsonTree> l = new ArrayList<>();
        for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) {
          l.add(value(p, v));
        }
        return new JsonTree(Type.ARRAY, Collections.unmodifiableList(l));
      }
      case VALUE_STRING:
        return new JsonTree(Type.STRING, p.getString());
      case VALUE_NUMBER_INT:
        return new JsonTree(Type.NUMBER, switch (p.getNumberType()) {
          case INT -> (Object) p.getIntValue();
          case LONG -> (Object) p.getLongValue();
          default -> p.getBigIntegerValue();
        });
      case VALUE_NUMBER_FLOAT:
        return new JsonTree(Type.NUMBER, p.getDoubleValue());
      case VALUE_TRUE:
        return TRUE;
      case VALUE_FALSE:
        return FALSE;
      case VALUE_NULL:
        return NULL;
      default:
        throw new StreamReadException(p, "Unexpected token " + t);
    }
  }

  /** The kind of this node. */
  public Type getNodeType() {
    return type;
  }

  /** Whether this is an object. */
  public boolean isObject() {
    return type == Type.OBJECT;
  }

  /** Whether this is an array. */
  public boolean isArray() {
    return type == Type.ARRAY;
  }

  /** Whether this is {@code null}. */
  public boolean isNull() {
    return type == Type.NULL;
  }

  /** Whether this is a string. */
  public boolean isString() {
    return type == Type.STRING;
  }

  /** Whether this is a boolean. */
  public boolean isBoolean() {
    return type == Type.BOOLEAN;
  }

  /** Whether this is a number. */
  public boolean isNumber() {
    return type == Type.NUMBER;
  }

  /** Whether this is an integral number. */
  public boolean isIntegralNumber() {
    return type == Type.NUMBER && !(value instanceof Double);
  }

  /** The member {@code key} of an object, or null when absent or when this is not an object. */
  public @Nullable JsonTree get(String key) {
    return type == Type.OBJECT ? properties().get(key) : null;
  }

  /** The string of a string node. */
  public String stringValue() {
    return (String) java.util.Objects.requireNonNull(value);
  }

  /** The value of a boolean node. */
  public boolean booleanValue() {
    return (Boolean) java.util.Objects.requireNonNull(value);
  }

  /** The number of a number node. */
  public Number numberValue() {
    return (Number) java.util.Objects.requireNonNull(value);
  }

  /** The number of a number node as a double. */
  public double doubleValue() {
    return numberValue().doubleValue();
  }

  /** The members of an object, in document order. */
  @SuppressWarnings("unchecked")
  public Map<String, JsonTree> properties() {
    return type == Type.OBJECT ? (Map<String, JsonTree>) java.util.Objects.requireNonNull(value) : Map.of();
  }

  /** The elements of an array. */
  @SuppressWarnings("unchecked")
  public List<JsonTree> values() {
    return type == Type.ARRAY ? (List<JsonTree>) java.util.Objects.requireNonNull(value) : List.of();
  }

  /** The number of elements or members. */
  public int size() {
    return type == Type.ARRAY ? values().size() : properties().size();
  }

  /** This node as compact JSON. */
  @Override
  public String toString() {
    StringWriter out = new StringWriter(64);
    try (JsonGenerator g = WRITER.createGenerator(ObjectWriteContext.empty(), out)) {
      writeValue(g, this);
    }
    return out.toString();
  }

  /**
   * Writes a JSON-like Java value: null, String, Boolean, Integer, Long, BigInteger, Double, BigDecimal,
   * a {@code Map} with string keys, a {@code List}, or a {@link JsonTree}.
   */
  public static void writeValue(JsonGenerator g, @Nullable Object v) {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof JsonTree t) {
      switch (t.type) {
        case OBJECT -> writeValue(g, t.properties());
        case ARRAY -> writeValue(g, t.values());
        case MISSING -> { }
        default -> writeValue(g, t.value);
      }
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Integer i) {
      g.writeNumber(i);
    } else if (v instanceof Long l) {
      g.writeNumber(l);
    } else if (v instanceof Double d) {
      g.writeNumber(d);
    } else if (v instanceof BigDecimal d) {
      g.writeNumber(d);
    } else if (v instanceof BigInteger i) {
      g.writeNumber(i);
    } else if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeName((String) e.getKey());
        writeValue(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof List<?> l) {
      g.writeStartArray();
      for (Object x : l) {
        writeValue(g, x);
      }
      g.writeEndArray();
    } else {
      throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
    }
  }
}
