package org.ecrm.core.spi;

import java.util.List;
import java.util.Optional;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.Interaction;
import org.ecrm.core.model.InteractionId;
import org.jspecify.annotations.Nullable;

/** Stores interactions, which are never changed once written. Thread-safe; each method atomic. */
public interface InteractionStore {

  /**
   * Stores a new interaction.
   *
   * @throws org.ecrm.core.model.DuplicateKeyException if the id is taken
   */
  Interaction insert(Interaction interaction);

  /** The interaction with {@code id}, if stored. */
  Optional<Interaction> get(InteractionId id);

  /** The interactions of {@code customerId} by time then id; possibly none. */
  List<Interaction> findByCustomer(CustomerId customerId);

  /** Up to {@code limit} interactions with ids after {@code after}, in id order. */
  List<Interaction> scan(@Nullable InteractionId after, int limit);

  /** Moves every interaction of {@code from} to {@code to} (a merge); returns how many moved. */
  int reassign(CustomerId from, CustomerId to);

  /** Deletes every interaction of {@code customerId} (an erasure); returns how many. */
  int deleteByCustomer(CustomerId customerId);

  /** How many interactions are stored. */
  long count();
}
