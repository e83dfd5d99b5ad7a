package org.ecrm.core.internal.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.EmailAddress;
import org.ecrm.core.model.ExternalId;
import org.ecrm.core.spi.CustomerStore;

/**
 * Reads ahead, in one call ({@link CustomerStore#findAll}), the customers a chunk of customer rows will
 * look up or clash with: every id, e-mail address and external id the rows carry. A value that does not
 * parse is left out; its row is rejected when it is imported. Stateless.
 */
final class CustomerReadAhead {
  private CustomerReadAhead() { }

  /** Reads ahead the keys of {@code rows} in {@code store}. */
  static void read(CustomerStore store, List<Row> rows) {
    List<CustomerId> ids = new ArrayList<>(rows.size());
    List<EmailAddress> emails = new ArrayList<>(rows.size());
    List<ExternalId> externalIds = new ArrayList<>();
    for (Row row : rows) {
      for (Map.Entry<String, String> e : row.fields().entrySet()) {
        String field = e.getKey();
        String value = e.getValue();
        try {
          if (field.equals("id")) {
            ids.add(CustomerId.of(value));
          } else if (field.equals("email")) {
            emails.add(EmailAddress.of(value));
          } else if (field.startsWith("external.")) {
            externalIds.add(ExternalId.of(field.substring("external.".length()), value));
          }
        } catch (RuntimeException unparsable) {
          // the row reports it when it is imported
        }
      }
    }
    if (!ids.isEmpty() || !emails.isEmpty() || !externalIds.isEmpty()) {
      store.findAll(ids, emails, externalIds);
    }
  }
}
