package org.ecrm.core.service;

import java.util.List;
import java.util.function.UnaryOperator;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.NotFoundException;
import org.ecrm.core.model.Preferences;

/**
 * The preference centre: what each customer told the company about topics, channels, frequency,
 * language and time zone. Every change keeps the previous state in the history, shows on the
 * timeline, and fires a {@code PreferencesChanged} event. Thread-safe.
 */
public interface PreferenceCentre {

  /**
   * The preferences in force ({@link Preferences#none} when the customer has stated none).
   *
   * @throws NotFoundException if the customer does not exist
   */
  Preferences get(CustomerId customerId);

  /**
   * Changes the preferences: {@code change} gets the current state and returns the new one.
   *
   * @param source where the change came from (a form, a questionnaire, a call)
   * @return the new state
   * @throws NotFoundException if the customer does not exist
   * @throws IllegalArgumentException if {@code change} returns preferences of another customer
   */
  Preferences update(CustomerId customerId, UnaryOperator<Preferences> change, String source);

  /** Every state the preferences were in, oldest first. */
  List<Preferences> history(CustomerId customerId);
}
