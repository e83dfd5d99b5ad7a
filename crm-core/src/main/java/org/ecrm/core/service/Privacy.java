package org.ecrm.core.service;

import java.io.Writer;
import org.ecrm.core.event.CrmEvent;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.NotFoundException;

/** Data-subject requests: access (export everything about one person) and erasure. Thread-safe. */
public interface Privacy {

  /**
   * Everything the library holds about one person as one JSON document: the customer, account roles,
   * orders, interactions, consent and preference history and the audit trail about them (a data-subject access request).
   *
   * @throws NotFoundException if the customer does not exist
   */
  String export(CustomerId customerId);

  /** As {@link #export(CustomerId)}, written to {@code out}. */
  void export(CustomerId customerId, Writer out);

  /**
   * Erases a person's personal data from every store and index: the customer record (names, e-mails,
   * phones, addresses, identities, attributes), interactions (free text), consent history, account
   * roles, aliases from merges, and the audit records that carry their values. Orders are kept for
   * accounting under a new pseudonymous customer id, with refund reasons emptied. An erasure record
   * (counts only, under the pseudonym) is kept in the audit trail and a {@code CustomerErased} event fires.
   *
   * @return the erasure record
   * @throws NotFoundException if the customer does not exist
   */
  CrmEvent.CustomerErased erase(CustomerId customerId);
}
