package org.ecrm.core.internal.io;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ecrm.core.io.ImportRequest;
import org.ecrm.core.model.AttributeValue;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.DuplicateKeyException;
import org.ecrm.core.model.EmailAddress;
import org.ecrm.core.model.ExternalId;
import org.ecrm.core.model.LifecycleStage;
import org.ecrm.core.model.PersonName;
import org.ecrm.core.model.PhoneNumber;
import org.ecrm.core.model.PostalAddress;
import org.ecrm.core.service.Customers;
import org.jspecify.annotations.Nullable;

/**
 * Upserts one customer per row. Upserting by id, a row without an id (CSV: the header has no id column;
 * JSON Lines: the row has no id value) updates the customer holding its e-mail address, if any, else
 * creates a customer with a generated id.
 */
final class CustomerRows implements ImportRunner.RowHandler {
  /** The address parts of a row, in the order their problems are reported. */
  private static final List<String> ADDRESS_PARTS = List.of("street", "postalCode", "city", "region", "country");
  private final Customers customers;
  private final Columns columns;

  CustomerRows(Customers customers, Columns columns) {
    this.customers = customers;
    this.columns = columns;
  }

  /**
   * Upserts the row's customer; a unique key another customer holds (an e-mail address, an external id,
   * the id) is reported against the row's field it came from.
   */
  @Override
  public void accept(Row row, ImportRequest req, ImportRunner.Tally t) {
    try {
      upsert(row, req, t);
    } catch (DuplicateKeyException e) {
      throw new RowException(field(row, e), e.getMessage());
    }
  }

  /**
   * The row's field that gave the customer the key {@code e} names: {@code id}, {@code email}, or the
   * {@code external.<system>} field whose identity it is; {@code "row"} if the row has no such field.
   */
  private static String field(Row row, DuplicateKeyException e) {
    String field = switch (e.field()) {
      case "Customer.id" -> "id";
      case "Customer.emails" -> "email";
      case "Customer.externalIds" -> {
        String[] found = {"row"};
        row.forEach((name, value) -> {
          if (name.startsWith("external.") && found[0].equals("row")
              && ExternalId.of(name.substring("external.".length()), value).toString().equals(e.value())) {
            found[0] = name;
          }
        });
        yield found[0];
      }
      default -> "row";
    };
    return row.has(field) ? field : "row";
  }

  private void upsert(Row row, ImportRequest req, ImportRunner.Tally t) {
    // upserting by id, the row's id is parsed once: to look the customer up and to create it
    CustomerId id = req.upsertKey() == org.ecrm.core.io.UpsertKey.ID && !withoutId(row)
        ? row.parseRequired("id", CustomerId::of) : null;
    Optional<Customer> existing = find(row, req, id);
    Customer.Builder b = existing.map(Customer::toBuilder).orElseGet(Customer::builder);
    if (existing.isEmpty()) {
      if (id != null) {
        b.id(id);
      } else {
        row.parse("id", CustomerId::of).ifPresent(b::id);
      }
    }
    apply(row, b, existing.map(Customer::name).orElse(PersonName.UNKNOWN),
        existing.map(Customer::addresses).orElse(List.of()));
    if (existing.isEmpty()) {
      if (req.dryRun()) {
        RowException.guard("row", "", x -> b.copy().id(b.id().orElse(CustomerId.of("dry-run")))
            .createdAt(java.time.Instant.EPOCH).updatedAt(java.time.Instant.EPOCH).build());
      } else {
        customers.create(b);
      }
      t.created++;
      return;
    }
    Customer next = b.build();
    if (next.equals(existing.get())) {
      t.unchanged++;
    } else {
      if (!req.dryRun()) {
        customers.update(next);
      }
      t.updated++;
    }
  }

  /** The customer the row upserts, if it exists; {@code id} is the row's parsed id when upserting by id. */
  private Optional<Customer> find(Row row, ImportRequest req, @Nullable CustomerId id) {
    return switch (req.upsertKey()) {
      case ID -> id == null
          ? row.parse("email", EmailAddress::of).flatMap(customers::findByEmail)
          : customers.get(id);
      case EMAIL -> customers.findByEmail(row.parseRequired("email", EmailAddress::of));
      case EXTERNAL_ID -> {
        String system = req.externalSystem().orElseThrow();
        String field = "external." + system;
        yield customers.findByExternalId(row.parseRequired(field, v -> ExternalId.of(system, v)));
      }
    };
  }

  /** A row that gets a generated id: no id column in the CSV header, or no id value in a JSON Lines row. */
  private boolean withoutId(Row row) {
    return !row.has("id") && !columns.headerHas("id");
  }

  /** The row's address, from whichever parts it has: a street needs its city, other parts stand alone. */
  private static Optional<PostalAddress> address(Row row) {
    boolean any = false;
    for (String part : ADDRESS_PARTS) {
      any |= row.has(part);
    }
    if (!any) {
      return Optional.empty();
    }
    if (row.has("street")) {
      row.require("city");
    }
    try {
      return Optional.of(new PostalAddress(row.get("street").map(List::of).orElse(List.of()),
          row.get("postalCode").orElse(""), row.get("city").orElse(""), row.get("region").orElse(""),
          row.get("country").orElse("")));
    } catch (IllegalArgumentException e) {
      String msg = String.valueOf(e.getMessage());
      String part = msg.startsWith("PostalAddress.lines") ? "street" : ADDRESS_PARTS.stream()
          .filter(p -> msg.startsWith("PostalAddress." + p)).findFirst().orElse("country");
      throw new RowException(part, msg.substring(msg.indexOf(':') + 1).strip());
    }
  }

  private static void apply(Row row, Customer.Builder b, PersonName current, List<PostalAddress> addresses) {
    if (row.has("givenName") || row.has("familyName")) {
      RowException.guard("givenName", row.get("givenName").orElse(current.given()),
          g -> b.name(g, row.get("familyName").orElse(current.family())));
    }
    row.parse("email", EmailAddress::of).ifPresent(b::email);
    row.parse("phone", PhoneNumber::parse).ifPresent(b::phone);
    address(row).filter(a -> !addresses.contains(a)).ifPresent(b::address);
    row.get("tags").ifPresent(tags -> {
      for (String tag : tags.split(";")) {
        if (!tag.isBlank()) {
          RowException.guard("tags", tag.strip(), x -> b.tag(x));
        }
      }
    });
    row.parse("stage", v -> LifecycleStage.valueOf(v.toUpperCase(Locale.ROOT))).ifPresent(b::stage);
    row.get("source").ifPresent(v -> RowException.guard("source", v, b::source));
    row.forEach((field, value) -> {
      if (field.startsWith("external.")) {
        String system = field.substring("external.".length());
        RowException.guard(field, value, v -> b.externalId(system, v));
      } else if (field.startsWith("attr.")) {
        String key = field.substring("attr.".length());
        RowException.guard(field, value, v -> b.attribute(key, AttributeValue.of(v)));
      }
    });
  }
}
