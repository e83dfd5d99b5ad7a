package org.ecrm.core.internal;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.Page;
import org.jspecify.annotations.Nullable;

/**
 * Keyset paging over a store's {@code scan(after, limit)}. A store may return fewer records than asked
 * for before its end (the SPI promises "up to {@code limit}"): only an empty page ends a scan here, so a
 * store that pages by less never makes a page, a stream or an export stop early. Stateless.
 */
public final class Paging {
  /** The page size of streams. */
  public static final int STREAM_PAGE = 500;
  /** The largest page a caller may ask for. */
  public static final int MAX_PAGE = 10_000;

  private Paging() {}

  /**
   * One page: scans until it has {@code limit + 1} records (to know whether another page follows) or the
   * store has no more.
   *
   * @param cursor {@code ""} for the first page, else the id string of the last record seen
   */
  public static <K, V> Page<V> page(BiFunction<@Nullable K, Integer, List<V>> scan,
      Function<String, K> parseKey, Function<V, K> keyOf, int limit, String cursor) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw Checks.invalid("limit", "must be between 1 and " + MAX_PAGE, limit);
    }
    Checks.notNull("cursor", cursor);
    K after = cursor.isEmpty() ? null : parseKey.apply(cursor);
    List<V> rows = scan.apply(after, limit + 1);
    if (rows.size() <= limit && !rows.isEmpty()) { // short: the end, or a store that pages by less
      List<V> all = new java.util.ArrayList<>(rows);
      while (all.size() <= limit) {
        List<V> more = scan.apply(keyOf.apply(all.get(all.size() - 1)), limit + 1 - all.size());
        if (more.isEmpty()) {
          break;
        }
        all.addAll(more);
      }
      rows = all;
    }
    if (rows.size() <= limit) {
      return new Page<>(rows, null);
    }
    List<V> items = rows.subList(0, limit);
    return new Page<>(items, keyOf.apply(items.get(limit - 1)).toString());
  }

  /** A lazy stream that reads {@value #STREAM_PAGE} records at a time. */
  public static <K, V> Stream<V> stream(BiFunction<@Nullable K, Integer, List<V>> scan,
      Function<V, K> keyOf) {
    Iterator<V> it = new Iterator<>() {
      private List<V> page = scan.apply(null, STREAM_PAGE);
      private int index;

      @Override
      public boolean hasNext() {
        if (index < page.size()) {
          return true;
        }
        if (page.isEmpty()) {
          return false; // a short page is not the end: a store may page by less
        }
        page = scan.apply(keyOf.apply(page.get(page.size() - 1)), STREAM_PAGE);
        index = 0;
        return !page.isEmpty();
      }

      @Override
      public V next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return page.get(index++);
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it,
        Spliterator.ORDERED | Spliterator.NONNULL), false);
  }
}
