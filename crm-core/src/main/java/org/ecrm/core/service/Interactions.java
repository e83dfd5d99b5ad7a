package org.ecrm.core.service;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.DuplicateKeyException;
import org.ecrm.core.model.Interaction;
import org.ecrm.core.model.InteractionId;
import org.ecrm.core.model.NotFoundException;
import org.ecrm.core.model.Page;

/** Touchpoints with customers on every channel. Thread-safe. */
public interface Interactions {

  /**
   * Records an interaction of an existing customer; id and time default to the id generator and clock.
   *
   * @throws NotFoundException if the customer does not exist
   * @throws DuplicateKeyException if the id is taken
   */
  Interaction record(Interaction.Builder interaction);

  /** The interaction with {@code id}, if any. */
  Optional<Interaction> get(InteractionId id);

  /** The interactions of a customer by time. */
  List<Interaction> ofCustomer(CustomerId customerId);

  /** A page of interactions in id order; {@code cursor} is {@code ""} for the first page. */
  Page<Interaction> list(int limit, String cursor);

  /** A lazy stream over all interactions in id order. */
  Stream<Interaction> stream();
}
