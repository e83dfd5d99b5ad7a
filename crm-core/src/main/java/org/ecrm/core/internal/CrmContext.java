package org.ecrm.core.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.ecrm.core.event.CrmEvent;
import org.ecrm.core.model.Actor;
import org.ecrm.core.model.IdGenerator;
import org.ecrm.core.model.StoreException;
import org.ecrm.core.model.VersionConflictException;
import org.ecrm.core.spi.Storage;

/**
 * What every service needs: the storage, the clock, the id generator and the event bus. Immutable
 * and thread-safe.
 *
 * @param storage the stores
 * @param clock the clock for every instant the facade stamps
 * @param ids the id generator
 * @param events the event bus
 * @param actor who makes the changes of this context
 * @param maskAudit whether personal values are masked in the audit trail
 */
public record CrmContext(Storage storage, Clock clock, IdGenerator ids, EventBus events, Actor actor,
    boolean maskAudit) {
  /** How often a read-modify-write is retried on a concurrent change before giving up. */
  public static final int MAX_ATTEMPTS = 32;

  /** The clock's current instant. */
  public Instant now() {
    return clock.instant();
  }

  /** A new id string of {@code kind} from the generator. */
  public String newId(String kind) {
    return ids.next(kind);
  }

  /**
   * The operation running on this thread: its storage, the events to deliver when it succeeds, and
   * how deep the nested operation running inside it is ({@code depth[0]}, 0: none).
   */
  private record Frame(Storage storage, List<CrmEvent> pending, int[] depth) { }

  private static final ThreadLocal<Frame> CURRENT = new ThreadLocal<>();

  /**
   * Records the change in the audit trail, then delivers the event to the listeners: at once outside
   * an operation, after the operation succeeded inside one (a rolled-back change is never announced).
   */
  public void publish(CrmEvent event) {
    storage.audit().append(Auditor.record(event, actor, maskAudit));
    Frame f = CURRENT.get();
    if (f != null && f.storage() == storage) {
      f.pending().add(event);
    } else {
      events.publish(event);
    }
  }

  /**
   * Runs one facade write operation atomically through {@link Storage#transaction}: all its writes
   * and audit records are kept, or none is. A call inside a running operation on the same storage
   * joins it; one nested directly in the outermost operation (an imported row inside its chunk, an
   * update inside a modify) is a savepoint: when it throws, its events are dropped and (on a storage
   * whose nested transactions are savepoints, as the in-memory and JDBC ones are) its writes undone, so
   * the outer operation may catch the failure and go on. Operations nested deeper join the savepoint
   * they run in (on JDBC a savepoint costs two round trips; a create inside an imported row needs none
   * of its own). A {@link StoreException} leaves named after {@code operation}.
   */
  public <T> T atomically(String operation, Supplier<T> work) {
    return atomically(() -> operation, work);
  }

  /**
   * As {@link #atomically(String, Supplier)} for the operation named {@code verb + " " + subject}, the
   * name built only when it is needed ({@link #atomically(Supplier, Supplier)}).
   */
  public <T> T atomically(String verb, Object subject, Supplier<T> work) {
    return atomically(() -> verb + " " + subject, work);
  }

  /**
   * As {@link #atomically(String, Supplier)}, the operation's name built only when it is needed: never
   * for an operation that joins a running savepoint, and otherwise only when the storage needs it
   * ({@link Storage#transaction(Supplier, Supplier)}: a JDBC failure's message) or a
   * {@link StoreException} leaving the outermost operation is named after it. Imports name each row
   * this way: the name of a row that succeeds is never built. {@code operation} is called on this
   * thread, before this method returns.
   */
  public <T> T atomically(Supplier<String> operation, Supplier<T> work) {
    Frame outer = CURRENT.get();
    if (outer != null && outer.storage() == storage) {
      if (outer.depth()[0] > 0) {
        return work.get(); // inside a savepoint already: join it
      }
      // nested in the outermost operation: the storage's savepoint undoes its writes if it throws, and
      // its events go too
      int mark = outer.pending().size();
      outer.depth()[0]++;
      try {
        return storage.transaction(operation, work);
      } catch (RuntimeException | Error e) {
        outer.pending().subList(mark, outer.pending().size()).clear();
        throw e; // named by the outer operation, as before
      } finally {
        outer.depth()[0]--;
      }
    }
    return outermost(operation, work, false, outer);
  }

  /**
   * Runs many operations (the rows of an import chunk, each a nested {@link #atomically}) as one
   * operation through {@link Storage#batchTransaction}, which may hold their writes back and send them
   * together: all kept, or none when the batch fails as a whole (then nothing is announced, and the
   * caller may run the rows again one operation each). Inside a running operation it is
   * {@link #atomically}.
   */
  public <T> T atomicallyAsBatch(String operation, Supplier<T> work) {
    Frame outer = CURRENT.get();
    if (outer != null && outer.storage() == storage) {
      return atomically(operation, work);
    }
    return outermost(() -> operation, work, true, outer);
  }

  private <T> T outermost(Supplier<String> operation, Supplier<T> work, boolean batch,
      @org.jspecify.annotations.Nullable Frame outer) {
    Frame frame = new Frame(storage, new ArrayList<>(), new int[1]);
    CURRENT.set(frame);
    T result;
    try {
      result = batch ? storage.batchTransaction(operation.get(), work) : storage.transaction(operation, work);
    } catch (StoreException e) {
      throw named(operation.get(), e);
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
    frame.pending().forEach(events::publish);
    return result;
  }

  /** Runs the reads that prepare an operation: a {@link StoreException} leaves named after {@code operation}. */
  public <T> T naming(String operation, Supplier<T> work) {
    try {
      return work.get();
    } catch (StoreException e) {
      throw named(operation, e);
    }
  }

  /** {@code e} with a message that starts with the operation. */
  static StoreException named(String operation, StoreException e) {
    String message = String.valueOf(e.getMessage());
    if (message.startsWith(operation)) {
      return e;
    }
    return new StoreException(operation + " failed" + (e.outcomeUnknown() ? " (outcome unknown)" : "") + ": "
        + message, e, e.outcomeUnknown());
  }

  /** The same context acting as {@code other}. */
  public CrmContext as(Actor other) {
    return new CrmContext(storage, clock, ids, events, other, maskAudit);
  }

  /** Runs a read-modify-write, retrying on {@link VersionConflictException} up to the limit. */
  public static <T> T retrying(Supplier<T> attempt) {
    VersionConflictException last = null;
    for (int i = 0; i < MAX_ATTEMPTS; i++) {
      try {
        return attempt.get();
      } catch (VersionConflictException e) {
        last = e;
        Thread.onSpinWait();
      }
    }
    throw last;
  }
}
