package org.ecrm.core.internal.check;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;

/**
 * An immutable list whose elements are computed on first use, from immutable inputs: a value that is
 * usually never read (an audit record's rendered field changes) costs one small object until it is.
 * Equal, by {@link List#equals}, to the list it computes; {@link Checks#list} keeps it as it is. The
 * computed elements are checked like {@link Checks#list} checks a list. Thread-safe: the elements are
 * computed once.
 *
 * @param <T> the element type
 */
public abstract class LazyList<T> extends AbstractList<T> implements RandomAccess {
  private final String where;
  private volatile @Nullable List<T> value;

  /** @param where the field the list is, for the null check of its elements */
  protected LazyList(String where) {
    this.where = where;
  }

  /** Computes the elements; called at most once, from immutable values only. */
  protected abstract List<T> compute();

  /** The elements if they have been computed, else null; never computes them. */
  protected final @Nullable List<T> computed() {
    return value;
  }

  private List<T> value() {
    List<T> v = value;
    if (v == null) {
      synchronized (this) {
        v = value;
        if (v == null) {
          v = Checks.list(where, Checks.notNull(where, compute()));
          value = v;
        }
      }
    }
    return v;
  }

  @Override
  public T get(int index) {
    return value().get(index);
  }

  @Override
  public int size() {
    return value().size();
  }
}
