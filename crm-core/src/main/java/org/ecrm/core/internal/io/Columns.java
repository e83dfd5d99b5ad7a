package org.ecrm.core.internal.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.ecrm.core.io.EntityKind;
import org.ecrm.core.io.ImportRequest;
import org.jspecify.annotations.Nullable;

/**
 * Resolves input column names to entity fields: the request's mapping first, then the field of the
 * same name, then a spelling variant ({@code e-mail}, {@code Customer ID}, {@code given_name}) or a
 * common alias ({@code phone_number}, {@code first_name}, {@code zip}). Columns that resolve to no
 * field are reported once per file. Not thread-safe: one per run.
 */
final class Columns {
  /** Common aliases by normalised name (lower case, letters and digits only), per entity. */
  private static final Map<EntityKind, Map<String, String>> ALIASES = Map.of(
      EntityKind.CUSTOMER, Map.ofEntries(
          Map.entry("emailaddress", "email"), Map.entry("mail", "email"),
          Map.entry("phonenumber", "phone"), Map.entry("telephone", "phone"), Map.entry("tel", "phone"),
          Map.entry("mobile", "phone"),
          Map.entry("firstname", "givenName"), Map.entry("forename", "givenName"),
          Map.entry("lastname", "familyName"), Map.entry("surname", "familyName"),
          Map.entry("zip", "postalCode"), Map.entry("zipcode", "postalCode"), Map.entry("postcode", "postalCode"),
          Map.entry("customerid", "id")),
      EntityKind.ACCOUNT, Map.of("accountid", "id", "accountname", "name"),
      EntityKind.PRODUCT, Map.of("productname", "name", "price", "listPrice", "stockcode", "sku"),
      EntityKind.ORDER, Map.of("qty", "quantity", "price", "unitPrice", "orderdate", "placedAt"));

  private final ImportRequest request;
  private final Consumer<String> warnings;
  private final Map<String, @Nullable String> jsonCache = new HashMap<>();
  private final java.util.Set<String> headerFields = new java.util.HashSet<>();

  Columns(ImportRequest request, Consumer<String> warnings) {
    this.request = request;
    this.warnings = warnings;
  }

  /** Strips a UTF-8 byte-order mark (U+FEFF) from the start of the first header cell or line. */
  static String stripBom(String s) {
    return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
  }

  /**
   * The field of each CSV header column, {@code null} where a column maps to none.
   *
   * @throws IllegalArgumentException if two columns map to one field, or, with strict columns, if a
   *     column maps to no field
   */
  @Nullable String[] csvHeader(List<String> header) {
    @Nullable String[] fields = new String[header.size()];
    Map<String, Integer> taken = new LinkedHashMap<>();
    List<Integer> pending = new ArrayList<>();
    // pass 1: explicit mappings and exact field names win over spelling variants and aliases
    for (int i = 0; i < header.size(); i++) {
      String column = name(header, i);
      String field = request.fieldFor(column);
      if (ImportRunner.knownField(request.kind(), field)) {
        claim(taken, field, i, header);
        fields[i] = field;
      } else {
        pending.add(i);
      }
    }
    List<String> unknown = new ArrayList<>();
    for (int i : pending) {
      String column = name(header, i);
      String field = variant(column);
      if (field != null && !taken.containsKey(field)) {
        taken.put(field, i);
        fields[i] = field;
      } else if (field != null) {
        unknown.add("'" + column + "' (column " + (i + 1) + ", would be '" + field + "' but column "
            + (taken.get(field) + 1) + " already is)");
      } else {
        unknown.add("'" + column + "' (column " + (i + 1) + ")");
      }
    }
    headerFields.addAll(taken.keySet());
    if (!unknown.isEmpty()) {
      String what = "CSV header: " + (unknown.size() == 1 ? "column " : "columns ") + String.join(", ", unknown)
          + (unknown.size() == 1 ? " maps" : " map") + " to no " + request.kind() + " field";
      if (request.strictColumns()) {
        throw new IllegalArgumentException(what + " (strict columns); recognised: " + recognised());
      }
      warnings.accept(what + " and " + (unknown.size() == 1 ? "is" : "are") + " ignored; map "
          + (unknown.size() == 1 ? "it" : "them") + " with ImportRequest.Builder.map(column, field)");
    }
    return fields;
  }

  /**
   * The field of a JSON property, {@code null} if none; a property that maps to no field is warned
   * about once per run, on the line it first occurs.
   */
  @Nullable String jsonProperty(String property, long line) {
    if (jsonCache.containsKey(property)) {
      return jsonCache.get(property);
    }
    String field = request.fieldFor(property);
    if (!ImportRunner.knownField(request.kind(), field)) {
      field = variant(property);
      if (field == null && !request.strictColumns()) {
        warnings.accept("line " + line + ": property '" + property + "' maps to no " + request.kind()
            + " field and is ignored (reported once); map it with ImportRequest.Builder.map(column, field)");
      }
    }
    jsonCache.put(property, field);
    return field;
  }

  /**
   * Whether the CSV header read by {@link #csvHeader(List)} has a column for {@code field}; false before
   * a header was read and for JSON Lines, whose rows carry their own properties.
   */
  boolean headerHas(String field) {
    return headerFields.contains(field);
  }

  /** Whether a JSON property is a variant or alias (its value gives way to the field's own name). */
  boolean isVariant(String property) {
    return !ImportRunner.knownField(request.kind(), request.fieldFor(property));
  }

  private static String name(List<String> header, int i) {
    String raw = header.get(i);
    return (i == 0 ? stripBom(raw) : raw).strip();
  }

  private void claim(Map<String, Integer> taken, String field, int i, List<String> header) {
    Integer before = taken.putIfAbsent(field, i);
    if (before != null) {
      throw new IllegalArgumentException("CSV header: columns '" + name(header, before) + "' (column "
          + (before + 1) + ") and '" + name(header, i) + "' (column " + (i + 1) + ") both map to field '"
          + field + "'");
    }
  }

  /** The field a spelling variant or alias of {@code column} names, or null. */
  private @Nullable String variant(String column) {
    String norm = normalise(column);
    if (norm.isEmpty()) {
      return null;
    }
    for (String field : fieldsOf(request.kind())) {
      if (normalise(field).equals(norm)) {
        return field;
      }
    }
    return ALIASES.get(request.kind()).get(norm);
  }

  private static String normalise(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        b.append(Character.toLowerCase(c));
      }
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }

  private String recognised() {
    return String.join(", ", fieldsOf(request.kind()))
        + (request.kind() == EntityKind.CUSTOMER ? ", external.<system>, attr.<key>" : "");
  }

  /** The fields of each entity as a set, for look-ups. */
  private static final Map<EntityKind, java.util.Set<String>> FIELD_SETS = fieldSets();

  private static Map<EntityKind, java.util.Set<String>> fieldSets() {
    Map<EntityKind, java.util.Set<String>> sets = new java.util.EnumMap<>(EntityKind.class);
    for (EntityKind kind : EntityKind.values()) {
      sets.put(kind, java.util.Set.copyOf(fieldsOf(kind)));
    }
    return sets;
  }

  /** Whether {@code field} is one of {@link #fieldsOf(EntityKind)}. */
  static boolean isField(EntityKind kind, String field) {
    return FIELD_SETS.get(kind).contains(field);
  }

  /** The common aliases of {@code kind}: normalised name (lower case letters and digits) to field. */
  static Map<String, String> aliasesOf(EntityKind kind) {
    return ALIASES.get(kind);
  }

  /** The fields of {@code kind}, in documentation order. */
  static List<String> fieldsOf(EntityKind kind) {
    return switch (kind) {
      case CUSTOMER -> List.of("id", "givenName", "familyName", "email", "phone", "street", "postalCode",
          "city", "region", "country", "tags", "stage", "source");
      case ACCOUNT -> List.of("id", "name", "domain");
      case PRODUCT -> List.of("sku", "name", "category", "listPrice", "currency", "active");
      case ORDER -> List.of("orderId", "customerId", "placedAt", "sku", "quantity", "unitPrice", "currency",
          "channel", "status");
    };
  }
}
