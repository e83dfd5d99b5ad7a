package org.ecrm.core.event;

import java.time.Instant;
import org.ecrm.core.model.Account;
import org.ecrm.core.model.ConsentRecord;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.Interaction;
import org.ecrm.core.model.Order;
import org.ecrm.core.model.Preferences;
import org.ecrm.core.model.Product;
import org.ecrm.core.model.Refund;

/**
 * Something that changed in the CRM, delivered to every {@link CrmListener} after the change is
 * stored. Immutable and thread-safe. Switch over the permitted records to handle each kind.
 */
public sealed interface CrmEvent {

  /** When the change was made (the facade's clock). */
  Instant at();

  /** A customer was created. @param customer the new customer @param at when */
  record CustomerCreated(Customer customer, Instant at) implements CrmEvent { }

  /** A customer was changed. @param before the stored state before @param after the new state @param at when */
  record CustomerUpdated(Customer before, Customer after, Instant at) implements CrmEvent { }

  /**
   * Two customers were merged: {@code merged} is gone, its id resolves to the survivor, and its orders,
   * interactions, consents and account roles now belong to the survivor.
   *
   * @param before the survivor before the merge
   * @param after the survivor after the merge
   * @param merged the merged customer as it was
   * @param at when
   */
  record CustomerMerged(Customer before, Customer after, Customer merged, Instant at) implements CrmEvent { }

  /**
   * A customer's personal data was erased. Orders are kept under {@code pseudonymId}.
   *
   * @param erasedId the id the customer had
   * @param pseudonymId the id the kept orders carry now
   * @param ordersKept orders kept under the pseudonym
   * @param interactionsDeleted interactions deleted
   * @param consentRecordsDeleted consent records deleted
   * @param at when
   * @param mergedIds the ids of customers merged earlier into the erased one (erased with it), in id order
   */
  record CustomerErased(CustomerId erasedId, CustomerId pseudonymId, int ordersKept,
      int interactionsDeleted, int consentRecordsDeleted, Instant at, java.util.List<CustomerId> mergedIds)
      implements CrmEvent {
    /** @throws NullPointerException if the merged ids are null */
    public CustomerErased {
      mergedIds = java.util.List.copyOf(mergedIds);
    }

    /** An erasure of a customer into whom no one was merged. */
    public CustomerErased(CustomerId erasedId, CustomerId pseudonymId, int ordersKept, int interactionsDeleted,
        int consentRecordsDeleted, Instant at) {
      this(erasedId, pseudonymId, ordersKept, interactionsDeleted, consentRecordsDeleted, at, java.util.List.of());
    }
  }

  /**
   * A customer's preferences changed.
   *
   * @param before the state before ({@code Preferences.none} when there was none)
   * @param after the new state
   * @param at when
   */
  record PreferencesChanged(Preferences before, Preferences after, Instant at) implements CrmEvent { }

  /** An account was created. @param account the new account @param at when */
  record AccountCreated(Account account, Instant at) implements CrmEvent { }

  /** An account or its contacts changed. @param before the state before @param after the new state @param at when */
  record AccountUpdated(Account before, Account after, Instant at) implements CrmEvent { }

  /** A product was created. @param product the new product @param at when */
  record ProductCreated(Product product, Instant at) implements CrmEvent { }

  /** A product changed. @param before the state before @param after the new state @param at when */
  record ProductUpdated(Product before, Product after, Instant at) implements CrmEvent { }

  /** An order was placed. @param order the order @param at when */
  record OrderPlaced(Order order, Instant at) implements CrmEvent { }

  /** An order was cancelled. @param order the cancelled order @param at when */
  record OrderCancelled(Order order, Instant at) implements CrmEvent { }

  /** An order was paid. @param order the paid order @param at when */
  record OrderPaid(Order order, Instant at) implements CrmEvent { }

  /** An order was (partly) refunded. @param order the order after the refund @param refund the refund @param at when */
  record OrderRefunded(Order order, Refund refund, Instant at) implements CrmEvent { }

  /** An interaction was recorded. @param interaction the interaction @param at when */
  record InteractionRecorded(Interaction interaction, Instant at) implements CrmEvent { }

  /** A consent was granted or withdrawn. @param consent the new record @param at when */
  record ConsentChanged(ConsentRecord consent, Instant at) implements CrmEvent { }
}
