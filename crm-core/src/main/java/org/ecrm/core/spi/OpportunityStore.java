package org.ecrm.core.spi;

import java.util.List;
import org.ecrm.core.b2b.Opportunity;
import org.ecrm.core.model.AccountId;

/** Stores opportunities. Thread-safe and atomic per method, as {@link VersionedStore} says. */
public interface OpportunityStore extends VersionedStore<String, Opportunity> {

  /** The opportunities of an account by id. */
  List<Opportunity> findByAccount(AccountId accountId);
}
