package org.ecrm.core.internal.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.loyalty.PointsEntry;
import org.ecrm.core.model.ConsentRecord;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.DuplicateKeyException;
import org.ecrm.core.model.Preferences;
import org.ecrm.core.spi.ConsentStore;
import org.ecrm.core.spi.HistoryStore;
import org.ecrm.core.spi.LedgerStore;
import org.ecrm.core.spi.PreferenceStore;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory {@link HistoryStore}: each customer's entries in an immutable list, replaced on every
 * write; every write journalled so a failed operation is undone. The consent, preference and ledger stores
 * are this class with their entry type fixed ({@link #consents}, {@link #preferences}, {@link #ledger}).
 * Thread-safe: writes hold the store's lock, reads take none and see whole lists.
 *
 * @param <T> the entry type
 */
class InMemoryHistory<T> implements HistoryStore<T> {
  private final String kind;
  private final Function<T, CustomerId> owner;
  private final BiFunction<T, CustomerId, T> repoint;
  private final @Nullable Function<T, String> uniqueKey;
  private final ConcurrentSkipListMap<CustomerId, List<T>> byCustomer = new ConcurrentSkipListMap<>();
  private final Journal journal;

  /**
   * @param kind the entry type's name, for errors
   * @param owner the customer of an entry
   * @param repoint an entry as held by another customer (a merge)
   * @param uniqueKey the key an entry must not share with another of its customer (the ledger's source
   *     event), or null
   */
  InMemoryHistory(Journal journal, String kind, Function<T, CustomerId> owner, BiFunction<T, CustomerId, T> repoint,
      @Nullable Function<T, String> uniqueKey) {
    this.journal = journal;
    this.kind = kind;
    this.owner = owner;
    this.repoint = repoint;
    this.uniqueKey = uniqueKey;
  }

  static ConsentStore consents(Journal journal) {
    return new Consents(journal);
  }

  static PreferenceStore preferences(Journal journal) {
    return new PreferenceHistory(journal);
  }

  static LedgerStore ledger(Journal journal) {
    return new Ledger(journal);
  }

  /** Journals how to put the history of {@code id} back as it is now. */
  private void remember(CustomerId id) {
    List<T> before = byCustomer.get(id);
    journal.record(() -> {
      synchronized (this) {
        if (before == null) {
          byCustomer.remove(id);
        } else {
          byCustomer.put(id, before);
        }
      }
    });
  }

  @Override
  public synchronized void append(T entry) {
    Checks.notNull(uniqueKey == null ? "record" : kind, entry);
    if (uniqueKey != null) {
      String key = uniqueKey.apply(entry);
      for (T e : history(owner.apply(entry))) {
        if (uniqueKey.apply(e).equals(key)) {
          throw new DuplicateKeyException(kind, kind + ".sourceEvent", key, owner.apply(entry));
        }
      }
    }
    add(entry);
  }

  /** Appends without the unique-key check (entries moved by a merge or an erasure). */
  private void add(T entry) {
    remember(owner.apply(entry));
    byCustomer.compute(owner.apply(entry), (id, list) -> {
      List<T> next = new ArrayList<>(list == null ? List.of() : list);
      next.add(entry);
      return List.copyOf(next);
    });
  }

  @Override
  public List<T> history(CustomerId customerId) {
    return byCustomer.getOrDefault(Checks.notNull("customerId", customerId), List.of());
  }

  @Override
  public synchronized int reassign(CustomerId from, CustomerId to) {
    return rewrite(from, (e, n) -> repoint.apply(e, to));
  }

  /** Removes the entries of {@code from} and appends the n-th (1-based) as {@code rewrite} gives it. */
  synchronized int rewrite(CustomerId from, BiFunction<T, Integer, T> rewrite) {
    remember(Checks.notNull("from", from));
    List<T> moved = byCustomer.remove(from);
    if (moved == null) {
      return 0;
    }
    for (int i = 0; i < moved.size(); i++) {
      add(rewrite.apply(moved.get(i), i + 1));
    }
    return moved.size();
  }

  @Override
  public synchronized int deleteAll(CustomerId customerId) {
    remember(Checks.notNull("customerId", customerId));
    List<T> gone = byCustomer.remove(customerId);
    return gone == null ? 0 : gone.size();
  }

  @Override
  public List<CustomerId> scanCustomers(@Nullable CustomerId after, int limit) {
    if (limit < 1) {
      throw Checks.invalid("scan limit", "must be at least 1", limit);
    }
    return (after == null ? byCustomer : byCustomer.tailMap(after, false)).keySet().stream()
        .limit(limit).toList();
  }

  private static final class Consents extends InMemoryHistory<ConsentRecord> implements ConsentStore {
    Consents(Journal journal) {
      super(journal, "ConsentRecord", ConsentRecord::customerId, (r, to) -> new ConsentRecord(to, r.purpose(),
          r.channel(), r.status(), r.lawfulBasis(), r.source(), r.recordedAt()), null);
    }
  }

  private static final class PreferenceHistory extends InMemoryHistory<Preferences> implements PreferenceStore {
    PreferenceHistory(Journal journal) {
      super(journal, "Preferences", Preferences::customerId, Preferences::forCustomer, null);
    }
  }

  private static final class Ledger extends InMemoryHistory<PointsEntry> implements LedgerStore {
    Ledger(Journal journal) {
      super(journal, "PointsEntry", PointsEntry::customerId, (e, to) -> new PointsEntry(to, e.kind(), e.points(),
          e.reason(), e.sourceEvent(), e.at(), e.expiresAt()), PointsEntry::sourceEvent);
    }

    @Override
    public int pseudonymise(CustomerId from, CustomerId pseudonym) {
      return rewrite(from, (e, n) -> e.pseudonymised(pseudonym, n));
    }
  }
}
