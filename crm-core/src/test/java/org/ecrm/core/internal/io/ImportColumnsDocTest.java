package org.ecrm.core.internal.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ecrm.core.Crm;
import org.ecrm.core.io.EntityKind;
import org.ecrm.core.io.ImportFormat;
import org.ecrm.core.io.ImportRequest;
import org.ecrm.core.io.ImportResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The recognised column names written in {@code crm-core/IMPORTS.md} (fields and common aliases per
 * entity) and summarised in the root {@code README.md} (fields per entity) are exactly the ones the
 * importer recognises; each documented name is also imported with strict columns through the public API.
 */
class ImportColumnsDocTest {
  private static final Pattern TICKED = Pattern.compile("`([^`]+)`");
  private static final Map<EntityKind, String> README_WORD = Map.of(EntityKind.CUSTOMER, "customers",
      EntityKind.ACCOUNT, "accounts", EntityKind.PRODUCT, "products", EntityKind.ORDER, "orders");

  private static String read(String path) throws IOException {
    return Files.readString(Path.of(path), StandardCharsets.UTF_8);
  }

  /** The cells of the IMPORTS.md table row of {@code kind}. */
  private static String[] importsRow(EntityKind kind) throws IOException {
    for (String line : read("IMPORTS.md").split("\n")) {
      if (line.startsWith("| `" + kind.name() + "` |")) {
        return line.split("\\|");
      }
    }
    throw new AssertionError("crm-core/IMPORTS.md has no row '| `" + kind.name() + "` | ... |' in 'Recognised columns'");
  }

  private static List<String> ticked(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = TICKED.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** The real fields, with the customer's prefixed families written as the docs write them. */
  private static List<String> realFields(EntityKind kind) {
    List<String> fields = new ArrayList<>(Columns.fieldsOf(kind));
    if (kind == EntityKind.CUSTOMER) {
      fields.add("external.<system>");
      fields.add("attr.<key>");
    }
    return fields;
  }

  private static String normalise(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  @ParameterizedTest
  @EnumSource(EntityKind.class)
  void importsMdListsExactlyTheRecognisedFields(EntityKind kind) throws IOException {
    List<String> documented = ticked(importsRow(kind)[2]);
    assertThat(documented)
        .as("fields of %s in crm-core/IMPORTS.md 'Recognised columns' (add the missing ones, drop the others)", kind)
        .containsExactlyInAnyOrderElementsOf(realFields(kind));
  }

  @ParameterizedTest
  @EnumSource(EntityKind.class)
  void importsMdListsExactlyTheRecognisedAliases(EntityKind kind) throws IOException {
    Map<String, String> documented = new LinkedHashMap<>();
    for (String group : importsRow(kind)[3].split(";")) {
      String[] sides = group.split("→");
      if (sides.length != 2) {
        continue;
      }
      String field = ticked(sides[1]).get(0);
      for (String alias : ticked(sides[0])) {
        documented.put(normalise(alias), field);
      }
    }
    assertThat(documented)
        .as("aliases of %s in crm-core/IMPORTS.md 'Recognised columns' (written `alias` → `field`)", kind)
        .containsExactlyInAnyOrderEntriesOf(Columns.aliasesOf(kind));
  }

  @ParameterizedTest
  @EnumSource(EntityKind.class)
  void readmeSummaryListsExactlyTheRecognisedFields(EntityKind kind) throws IOException {
    String prefix = "- " + README_WORD.get(kind) + ": ";
    String line = read("../README.md").lines().filter(l -> l.startsWith(prefix)).findFirst()
        .orElseThrow(() -> new AssertionError("README.md 'Import with upsert' has no line '" + prefix + "`...`'"));
    assertThat(ticked(line)).as("README.md import summary line for %s", kind)
        .containsExactlyInAnyOrderElementsOf(realFields(kind));
  }

  @ParameterizedTest
  @EnumSource(EntityKind.class)
  void everyDocumentedNameIsAcceptedByAStrictImport(EntityKind kind) throws IOException {
    String[] row = importsRow(kind);
    List<String> names = new ArrayList<>();
    for (String f : ticked(row[2])) {
      names.add(f.replace("<system>", "shop").replace("<key>", "tier"));
    }
    for (String group : row[3].split(";")) {
      String[] sides = group.split("→");
      if (sides.length == 2) {
        names.addAll(ticked(sides[0]));
      }
    }
    Crm crm = Crm.builder().discoverStorage(false).build();
    for (String name : names) {
      ImportRequest strict = ImportRequest.builder(kind, ImportFormat.CSV).strictColumns(true).dryRun(true).build();
      ImportResult r = crm.imports().run(strict, new StringReader(name + "\n"));
      assertThat(r.warnings()).as("column '%s' of %s", name, kind).isEmpty();
    }
  }
}
