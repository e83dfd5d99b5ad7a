package org.ecrm.core.internal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecrm.core.io.EntityKind;
import org.ecrm.core.io.ImportFormat;
import org.ecrm.core.io.ImportRequest;
import org.ecrm.core.io.RejectedRow;
import org.junit.jupiter.api.Test;

/** CSV rows: values by column beside the file's shared layout, read as fields by name. */
class RowReaderCsvTest {
  @Test
  void csvRows_resolveColumns_transformAndStripValues_andDropEmptyOnes() {
    ImportRequest request = ImportRequest.builder(EntityKind.CUSTOMER, ImportFormat.CSV)
        .map("Shop", "external.shop").transform("id", v -> v.endsWith(".0") ? v.substring(0, v.length() - 2) : v)
        .build();
    String csv = "Customer ID,E-mail,unknown,first_name,Shop,attr.x\n"
        + "7.0 , a@example.com ,zzz,  Ada ,s-1,1\n"
        + "\n"
        + "8,,zzz,,,\n"
        + "9,b@example.com\n";
    List<Row> rows = new ArrayList<>();
    List<RejectedRow> rejects = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    long n = RowReader.read(request, new StringReader(csv), rows::add, rejects::add, warnings::add);

    assertThat(n).isEqualTo(3);
    assertThat(warnings).singleElement().asString().contains("'unknown' (column 3)");
    assertThat(rejects).singleElement().satisfies(r -> {
      assertThat(r.line()).isEqualTo(5);
      assertThat(r.reason()).isEqualTo("expected 6 fields, found 2");
    });
    Row first = rows.get(0);
    assertThat(first.line()).isEqualTo(2);
    assertThat(first.get("id")).contains("7");
    assertThat(first.require("email")).isEqualTo("a@example.com");
    assertThat(first.get("givenName")).contains("Ada");
    assertThat(first.has("unknown")).isFalse();
    assertThat(first.has("phone")).isFalse();
    assertThat(first.parse("id", Integer::parseInt)).contains(7);
    assertThat(first.fields()).containsOnly(Map.entry("id", "7"), Map.entry("email", "a@example.com"),
        Map.entry("givenName", "Ada"), Map.entry("external.shop", "s-1"), Map.entry("attr.x", "1"));
    Map<String, String> inOrder = new LinkedHashMap<>();
    first.forEach(inOrder::put);
    assertThat(inOrder.keySet()).containsExactly("id", "email", "givenName", "external.shop", "attr.x");

    Row second = rows.get(1);
    assertThat(second.line()).isEqualTo(4);
    assertThat(second.fields()).containsOnly(Map.entry("id", "8"));
    assertThat(second.get("email")).isEmpty();
    assertThatThrownBy(() -> second.require("email")).isInstanceOf(RowException.class)
        .satisfies(e -> assertThat(((RowException) e).field).isEqualTo("email")).hasMessage("missing");
    assertThatThrownBy(() -> second.parseRequired("id", v -> {
      throw new IllegalArgumentException("bad id");
    })).isInstanceOf(RowException.class).satisfies(e -> assertThat(((RowException) e).field).isEqualTo("id"));
  }
}
