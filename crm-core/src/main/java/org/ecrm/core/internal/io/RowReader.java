package org.ecrm.core.internal.io;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.CsvRecordHandler;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.ecrm.core.io.ImportFormat;
import org.ecrm.core.io.ImportRequest;
import org.ecrm.core.io.RejectedRow;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;

/**
 * Streams rows out of CSV (FastCSV) or JSON Lines (jackson-core's streaming parser: no jackson-databind),
 * mapping columns to fields.
 */
final class RowReader {
  private static final JsonFactory JSON = JsonFactory.builder().build();
  /**
   * The longest record the CSV reader buffers (unless the field limit asks for more): a longer field is
   * read whole, then rejected by the field limit, and reading goes on; past this the reader stops.
   */
  private static final int CSV_BUFFER = 64 * 1024 * 1024;
  /** Marks a member whose value is an object or array. */
  private static final String CONTAINER = new String("container");
  private RowReader() {}

  /**
   * Calls {@code rows} for each readable row and {@code rejects} for each unreadable one.
   *
   * @return how many data rows were read (readable or not)
   */
  static long read(ImportRequest request, Reader in, Consumer<Row> rows, Consumer<RejectedRow> rejects,
      Consumer<String> warnings) {
    return read(request, new Columns(request, warnings), in, rows, rejects);
  }

  /** As {@link #read(ImportRequest, Reader, Consumer, Consumer, Consumer)}, resolving columns with {@code columns}. */
  static long read(ImportRequest request, Columns columns, Reader in, Consumer<Row> rows,
      Consumer<RejectedRow> rejects) {
    return request.format() == ImportFormat.CSV ? csv(request, columns, in, rows, rejects)
        : jsonLines(request, columns, in, rows, rejects);
  }

  private static long csv(ImportRequest request, Columns columns, Reader in, Consumer<Row> rows,
      Consumer<RejectedRow> rejects) {
    long count = 0;
    // a quoted field followed by more text ("a"b) is read leniently as one field, so the row is
    // validated (and rejected if bad) instead of ending the import
    int limit = request.maxFieldLength();
    long lastLine = 0;
    try (CsvReader<CsvRecord> reader = CsvReader.builder().allowExtraFields(true).allowMissingFields(true)
        .allowExtraCharsAfterClosingQuote(true).skipEmptyLines(true).detectBomHeader(true)
        .maxBufferSize(Math.max(CSV_BUFFER, limit + 1))
        .build(CsvRecordHandler.builder().maxFieldSize(Math.max(CSV_BUFFER, limit + 1))
            .maxRecordSize(Math.max(CSV_BUFFER, limit + 1)).build(), in)) {
      Iterator<CsvRecord> it = reader.iterator();
      if (!it.hasNext()) {
        return 0;
      }
      List<String> header = it.next().getFields();
      @Nullable String[] fields = columns.csvHeader(header);
      Row.Layout layout = Row.Layout.of(fields);
      java.util.function.UnaryOperator<String>[] transforms = transforms(request, fields);
      while (true) {
        CsvRecord rec;
        try {
          if (!it.hasNext()) {
            break;
          }
          rec = it.next();
        } catch (CsvParseException e) {
          // a field longer than the reader's buffer: nothing after it can be read reliably
          rejects.accept(new RejectedRow(lastLine + 1, "row", "unreadable record after line " + lastLine
              + " (a field longer than " + Math.max(CSV_BUFFER, limit + 1) + " characters?); reading stopped,"
              + " the rows before are kept"));
          return count + 1;
        }
        count++;
        long line = rec.getStartingLineNumber();
        lastLine = line;
        if (rec.getFieldCount() != fields.length) {
          rejects.accept(new RejectedRow(line, "row", "expected " + fields.length + " fields, found "
              + rec.getFieldCount()));
          continue;
        }
        String tooLong = tooLong(fields, rec, limit);
        if (tooLong != null) {
          rejects.accept(new RejectedRow(line, tooLong, "longer than " + limit + " characters"));
          continue;
        }
        @Nullable String[] values = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
          if (fields[i] != null) {
            values[i] = value(transforms[i], rec.getField(i));
          }
        }
        rows.accept(new Row(line, layout, values));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading the CSV input failed", e);
    }
    return count;
  }

  /** The first field of the row longer than {@code limit}, or null. */
  private static @Nullable String tooLong(@Nullable String[] fields, CsvRecord rec, int limit) {
    for (int i = 0; i < fields.length; i++) {
      if (rec.getField(i).length() > limit) {
        return fields[i] == null ? "column " + (i + 1) : fields[i];
      }
    }
    return null;
  }

  private static long jsonLines(ImportRequest request, Columns columns, Reader in, Consumer<Row> rows,
      Consumer<RejectedRow> rejects) {
    long count = 0;
    BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in);
    try {
      long line = 0;
      for (String text = reader.readLine(); text != null; text = reader.readLine()) {
        line++;
        if (line == 1) {
          text = Columns.stripBom(text);
        }
        if (text.isBlank()) {
          continue;
        }
        count++;
        Map<String, String> members;
        try {
          members = members(text);
        } catch (JacksonException e) {
          rejects.accept(new RejectedRow(line, "row", "not JSON: " + e.getOriginalMessage()));
          continue;
        }
        if (members == null) {
          rejects.accept(new RejectedRow(line, "row", "a line must be a JSON object"));
          continue;
        }
        Map<String, String> values = new HashMap<>();
        Map<String, String> variants = new HashMap<>();
        RejectedRow bad = null;
        for (var e : members.entrySet()) {
          String field = columns.jsonProperty(e.getKey(), line);
          if (field == null) {
            if (request.strictColumns()) {
              bad = new RejectedRow(line, e.getKey(), "maps to no " + request.kind() + " field (strict columns)");
              break;
            }
            continue;
          }
          String v = e.getValue();
          if (v == CONTAINER) {
            bad = new RejectedRow(line, field, "must be a JSON scalar, not an object or array");
            break;
          }
          if (v.length() > request.maxFieldLength()) {
            bad = new RejectedRow(line, field, "longer than " + request.maxFieldLength() + " characters");
            break;
          }
          put(request, columns.isVariant(e.getKey()) ? variants : values, field, v);
        }
        if (bad != null) {
          rejects.accept(bad);
          continue;
        }
        variants.forEach(values::putIfAbsent);
        rows.accept(new Row(line, values));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading the JSON Lines input failed", e);
    }
    return count;
  }

  /**
   * The members of a one-line JSON object as text (numbers as the JSON tree would print them, null as
   * empty, objects and arrays as {@link #CONTAINER}), in order of first appearance, the last of a
   * duplicate winning; null when the line is valid JSON but not an object.
   *
   * @throws JacksonException when the line is not one JSON value
   */
  private static @org.jspecify.annotations.Nullable Map<String, String> members(String text) {
    try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), text)) {
      JsonToken t = p.nextToken();
      Map<String, String> out = null;
      if (t == JsonToken.START_OBJECT) {
        out = new LinkedHashMap<>();
        for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
          String name = p.currentName();
          JsonToken v = p.nextToken();
          out.put(name, scalar(p, v));
        }
      } else if (t != null) {
        p.skipChildren();
      }
      JsonToken trailing = p.nextToken();
      if (trailing != null) {
        throw new StreamReadException(p, "Trailing token (of type " + trailing + ") found after value");
      }
      return out;
    }
  }

  private static String scalar(JsonParser p, JsonToken v) {
    return switch (v) {
      case START_OBJECT, START_ARRAY -> {
        p.skipChildren();
        yield CONTAINER;
      }
      case VALUE_NULL -> "";
      case VALUE_NUMBER_FLOAT -> Double.toString(p.getDoubleValue());
      case VALUE_NUMBER_INT -> p.getNumberValue().toString();
      default -> p.getString();
    };
  }

  private static void put(ImportRequest request, Map<String, String> values, String field, String raw) {
    String v = value(request.transform(field), raw);
    if (v != null) {
      values.put(field, v);
    }
  }

  /** The transformed, stripped value of a raw field; null when empty. */
  private static @Nullable String value(java.util.function.UnaryOperator<String> transform, String raw) {
    String v = transform.apply(raw.strip()).strip();
    return v.isEmpty() ? null : v;
  }

  /** The transform of each CSV column's field (identity for columns that map to none). */
  @SuppressWarnings("unchecked")
  private static java.util.function.UnaryOperator<String>[] transforms(ImportRequest request,
      @Nullable String[] fields) {
    java.util.function.UnaryOperator<String>[] out = new java.util.function.UnaryOperator[fields.length];
    for (int i = 0; i < fields.length; i++) {
      out[i] = fields[i] == null ? java.util.function.UnaryOperator.identity() : request.transform(fields[i]);
    }
    return out;
  }
}
