package org.ecrm.core.internal.io;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One input row: field values (transformed, stripped, empty values dropped) and its line number. A CSV
 * row is its values in column order beside the file's shared {@link Layout} (no map per row); a JSON
 * Lines row, whose members vary per line, is a map. Not thread-safe.
 */
final class Row {
  private final long line;
  private final @Nullable Layout layout;
  private final @Nullable String[] values;
  private @Nullable Map<String, String> fields;

  /**
   * The fields of a CSV file's columns, shared by its rows.
   *
   * @param names the field of each column, null where a column maps to none
   * @param slots the column of each field; not changed after {@link #of}
   */
  record Layout(@Nullable String[] names, Map<String, Integer> slots) {
    static Layout of(@Nullable String[] names) {
      Map<String, Integer> slots = new HashMap<>();
      for (int i = 0; i < names.length; i++) {
        if (names[i] != null) {
          slots.put(names[i], i);
        }
      }
      return new Layout(names, slots); // a HashMap: most look-ups are of fields the file lacks
    }
  }

  /**
   * @param line the 1-based line number
   * @param fields the values by field name
   */
  Row(long line, Map<String, String> fields) {
    this.line = line;
    this.layout = null;
    this.values = null;
    this.fields = fields;
  }

  /**
   * @param line the 1-based line number
   * @param layout the fields of the columns
   * @param values the value of each column, null where it is empty or maps to no field
   */
  Row(long line, Layout layout, @Nullable String[] values) {
    this.line = line;
    this.layout = layout;
    this.values = values;
  }

  /** The 1-based line number. */
  long line() {
    return line;
  }

  /** The values by field name. */
  Map<String, String> fields() {
    Map<String, String> f = fields;
    if (f == null) {
      Map<String, String> m = new HashMap<>();
      forEach(m::put);
      fields = f = m;
    }
    return f;
  }

  /** Calls {@code action} with each field that has a value. */
  void forEach(BiConsumer<String, String> action) {
    if (layout == null) {
      fields().forEach(action);
      return;
    }
    @Nullable String[] names = layout.names();
    for (int i = 0; i < names.length; i++) {
      String name = names[i];
      String v = values[i];
      if (name != null && v != null) {
        action.accept(name, v);
      }
    }
  }

  private @Nullable String value(String field) {
    if (layout == null) {
      return fields.get(field);
    }
    Integer slot = layout.slots().get(field);
    return slot == null ? null : values[slot];
  }

  Optional<String> get(String field) {
    return Optional.ofNullable(value(field));
  }

  /** Whether the field has a value. */
  boolean has(String field) {
    return value(field) != null;
  }

  String require(String field) {
    String v = value(field);
    if (v == null) {
      throw new RowException(field, "missing");
    }
    return v;
  }

  /** Parses a present field, turning a parse failure into a {@link RowException} for that field. */
  <T> Optional<T> parse(String field, Function<String, T> parser) {
    String v = value(field);
    return v == null ? Optional.empty() : Optional.of(RowException.guard(field, v, parser));
  }

  <T> T parseRequired(String field, Function<String, T> parser) {
    return RowException.guard(field, require(field), parser);
  }

  @Override
  public String toString() {
    return "Row[line=" + line + ", fields=" + fields() + "]";
  }
}
