package org.ecrm.core.internal.io;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ecrm.core.io.ImportRequest;
import org.ecrm.core.model.AttributeValue;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.EmailAddress;
import org.ecrm.core.model.ExternalId;
import org.ecrm.core.model.LifecycleStage;
import org.ecrm.core.model.PersonName;
import org.ecrm.core.model.PhoneNumber;
import org.ecrm.core.model.PostalAddress;
import org.ecrm.core.service.Customers;

/** Upserts one customer per row. */
final class CustomerRows implements ImportRunner.RowHandler {
  private final Customers customers;

  CustomerRows(Customers customers, ImportRequest request, ImportRunner.Tally tally) {
    this.customers = customers;
  }

  @Override
  public void accept(Row row, ImportRequest req, ImportRunner.Tally t) {
    Optional<Customer> existing = find(row, req);
    Customer.Builder b = existing.map(Customer::toBuilder).orElseGet(Customer::builder);
    if (existing.isEmpty()) {
      row.parse("id", CustomerId::of).ifPresent(b::id);
    }
    apply(row, b, existing.map(Customer::name).orElse(PersonName.UNKNOWN));
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

  private Optional<Customer> find(Row row, ImportRequest req) {
    return switch (req.upsertKey()) {
      case ID -> customers.get(row.parseRequired("id", CustomerId::of));
      case EMAIL -> customers.findByEmail(row.parseRequired("email", EmailAddress::of));
      case EXTERNAL_ID -> {
        String system = req.externalSystem().orElseThrow();
        String field = "external." + system;
        yield customers.findByExternalId(row.parseRequired(field, v -> ExternalId.of(system, v)));
      }
    };
  }

  private static void apply(Row row, Customer.Builder b, PersonName current) {
    if (row.get("givenName").isPresent() || row.get("familyName").isPresent()) {
      RowException.guard("givenName", row.get("givenName").orElse(current.given()),
          g -> b.name(g, row.get("familyName").orElse(current.family())));
    }
    row.parse("email", EmailAddress::of).ifPresent(b::email);
    row.parse("phone", PhoneNumber::parse).ifPresent(b::phone);
    if (row.get("street").isPresent() || row.get("city").isPresent() || row.get("country").isPresent()) {
      b.address(RowException.guard("country", row.get("country").orElse(""), c -> new PostalAddress(
          List.of(row.require("street")), row.get("postalCode").orElse(""), row.require("city"),
          row.get("region").orElse(""), c)));
    }
    row.get("tags").ifPresent(tags -> {
      for (String tag : tags.split(";")) {
        if (!tag.isBlank()) {
          RowException.guard("tags", tag.strip(), x -> b.tag(x));
        }
      }
    });
    row.parse("stage", v -> LifecycleStage.valueOf(v.toUpperCase(Locale.ROOT))).ifPresent(b::stage);
    row.get("source").ifPresent(v -> RowException.guard("source", v, b::source));
    for (Map.Entry<String, String> e : row.fields().entrySet()) {
      String field = e.getKey();
      if (field.startsWith("external.")) {
        String system = field.substring("external.".length());
        RowException.guard(field, e.getValue(), v -> b.externalId(system, v));
      } else if (field.startsWith("attr.")) {
        String key = field.substring("attr.".length());
        RowException.guard(field, e.getValue(), v -> b.attribute(key, AttributeValue.of(v)));
      }
    }
  }
}
