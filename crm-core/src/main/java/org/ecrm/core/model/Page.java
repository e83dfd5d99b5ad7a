package org.ecrm.core.model;

import java.util.List;
import java.util.Optional;
import org.ecrm.core.internal.check.Checks;
import org.jspecify.annotations.Nullable;

/**
 * One page of a listing, in id order, with the cursor to the next page. Immutable and thread-safe.
 *
 * @param <T> the record type
 */
public final class Page<T> {
  private final List<T> items;
  private final @Nullable String nextCursor;

  /**
   * @param items the records on this page
   * @param nextCursor the cursor for the next page, or null on the last page
   */
  public Page(List<T> items, @Nullable String nextCursor) {
    this.items = Checks.list("Page.items", items);
    this.nextCursor = nextCursor;
  }

  /** The records on this page, possibly none. */
  public List<T> items() {
    return items;
  }

  /** The cursor to pass for the next page; empty on the last page. */
  public Optional<String> nextCursor() {
    return Optional.ofNullable(nextCursor);
  }

  /** Whether another page follows. */
  public boolean hasNext() {
    return nextCursor != null;
  }

  @Override
  public String toString() {
    return "Page[" + items.size() + " items, next=" + nextCursor + "]";
  }
}
