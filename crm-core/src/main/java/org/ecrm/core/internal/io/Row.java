package org.ecrm.core.internal.io;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One input row: field values (transformed, stripped, empty values dropped) and its line number.
 *
 * @param line the 1-based line number
 * @param fields the values by field name
 */
record Row(long line, Map<String, String> fields) {

  Optional<String> get(String field) {
    return Optional.ofNullable(fields.get(field));
  }

  String require(String field) {
    String v = fields.get(field);
    if (v == null) {
      throw new RowException(field, "missing");
    }
    return v;
  }

  /** Parses a present field, turning a parse failure into a {@link RowException} for that field. */
  <T> Optional<T> parse(String field, Function<String, T> parser) {
    String v = fields.get(field);
    return v == null ? Optional.empty() : Optional.of(RowException.guard(field, v, parser));
  }

  <T> T parseRequired(String field, Function<String, T> parser) {
    return RowException.guard(field, require(field), parser);
  }
}
