package org.ecrm.core.internal.check;

import java.util.Collection;

/**
 * A lazily computed value that can be searched for strings without being computed: a lazily rendered
 * list of audit changes answers whether one of its values contains a string from the inputs it renders
 * from, so a search of the whole audit trail neither renders nor keeps what it only looks at. Which text of
 * the value is searched is the implementation's to state; the answer must be exactly what a search of the
 * computed value gives. Implementations are immutable and thread-safe.
 */
public interface Searchable {
  /**
   * Whether the searched text of the value contains one of {@code texts} ({@link String#contains}), found
   * without computing and keeping the value.
   *
   * @param texts the strings to look for, none empty
   * @return whether one of them occurs
   */
  boolean containsAny(Collection<String> texts);
}
