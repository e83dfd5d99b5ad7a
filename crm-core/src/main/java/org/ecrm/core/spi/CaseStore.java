package org.ecrm.core.spi;

import java.util.List;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.support.SupportCase;

/** Stores support cases. Thread-safe and atomic per method, as {@link VersionedStore} says. */
public interface CaseStore extends VersionedStore<String, SupportCase> {

  /** The cases of {@code customerId} by opening time then id; possibly none. */
  List<SupportCase> findByCustomer(CustomerId customerId);
}
