package org.ecrm.core.spi;

import java.util.List;
import org.ecrm.core.model.Account;
import org.ecrm.core.model.AccountId;
import org.ecrm.core.model.CustomerId;

/** Stores B2B accounts. Thread-safe and atomic per method, as {@link VersionedStore} says. */
public interface AccountStore extends VersionedStore<AccountId, Account> {

  /** The accounts in which {@code customerId} is a contact, in id order; possibly none. */
  List<Account> findByContact(CustomerId customerId);
}
