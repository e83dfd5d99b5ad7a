package org.ecrm.core.internal;

import org.ecrm.core.model.Customer;
import org.ecrm.core.model.PersonName;

/**
 * How two customers' fields combine in a merge: the survivor's single values win and the merged
 * customer's fill empty ones; lists and tags are unioned (survivor's first); attributes keep the
 * survivor's value per key. Stateless.
 */
final class MergePolicy {
  private MergePolicy() {}

  /** A builder of the survivor with the merged customer's values combined in. */
  static Customer.Builder combine(Customer survivor, Customer merged) {
    Customer.Builder b = survivor.toBuilder();
    PersonName s = survivor.name();
    PersonName m = merged.name();
    b.name(s.given().isEmpty() ? m.given() : s.given(), s.family().isEmpty() ? m.family() : s.family());
    merged.emails().forEach(b::email);
    merged.phones().forEach(b::phone);
    merged.addresses().forEach(b::address);
    merged.externalIds().forEach(b::externalId);
    merged.tags().forEach(b::tag);
    merged.attributes().forEach((k, v) -> {
      if (!survivor.attributes().containsKey(k)) {
        b.attribute(k, v);
      }
    });
    if (survivor.source().isEmpty()) {
      b.source(merged.source());
    }
    return b;
  }
}
