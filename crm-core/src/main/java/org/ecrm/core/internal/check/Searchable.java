package org.ecrm.core.internal.check;

import java.util.function.Predicate;

/**
 * A lazily computed value that can be searched without being computed: a lazily rendered list of audit
 * changes tests its values one at a time, rendering each from the inputs it renders from, so a search of
 * the whole audit trail neither renders nor keeps what it only looks at. Which text of
 * the value is searched is the implementation's to state; the answer must be exactly what a search of the
 * computed value gives. Implementations are immutable and thread-safe.
 */
public interface Searchable {
  /**
   * Whether {@code test} holds for one of the searched texts of the value, tested one at a time without
   * computing and keeping the value.
   *
   * @param test the test of one text
   * @return whether it holds for one of them
   */
  boolean anyValue(Predicate<String> test);
}
