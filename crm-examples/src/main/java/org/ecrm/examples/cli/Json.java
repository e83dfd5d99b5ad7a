package org.ecrm.examples.cli;

import java.io.Writer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** JSON output of the command line: indented, one document per run, non-finite numbers as null. */
final class Json {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Json() {
  }

  /** A generator writing indented JSON to {@code w} (closing it does not close {@code w}). */
  static JsonGenerator generator(Writer w) {
    return MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).createGenerator(new java.io.FilterWriter(w) {
      @Override
      public void close() throws java.io.IOException {
        flush();
      }
    });
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
