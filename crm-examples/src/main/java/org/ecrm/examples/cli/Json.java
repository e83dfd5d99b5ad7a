package org.ecrm.examples.cli;

import java.io.Writer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON output of the command line: one compact document per run (as the library's own JSON writers
 * give it; pipe it to {@code jq .} to indent it), non-finite numbers as null.
 */
final class Json {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Json() {
  }

  /** A generator writing compact JSON to {@code w} (closing it does not close {@code w}). */
  static JsonGenerator generator(Writer w) {
    return MAPPER.writer().createGenerator(new java.io.FilterWriter(w) {
      @Override
      public void close() throws java.io.IOException {
        flush();
      }
    });
  }

  /** {@code name: value} as a plain decimal without trailing zeros ({@code 37.5}, {@code 0}). */
  static void decimal(JsonGenerator g, String name, java.math.BigDecimal value) {
    g.writeName(name);
    g.writeNumber(value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString());
  }

  /** {@code name: value}, or {@code name: null} when the value is NaN or infinite. */
  static void number(JsonGenerator g, String name, double value) {
    if (Double.isFinite(value)) {
      g.writeNumberProperty(name, value);
    } else {
      g.writeNullProperty(name);
    }
  }
}
