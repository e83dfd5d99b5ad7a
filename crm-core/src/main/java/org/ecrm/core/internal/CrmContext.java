package org.ecrm.core.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import org.ecrm.core.IdGenerator;
import org.ecrm.core.VersionConflictException;
import org.ecrm.core.event.CrmEvent;
import org.ecrm.core.model.Actor;
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

  /** Records the change in the audit trail, then delivers the event to the listeners. */
  public void publish(CrmEvent event) {
    storage.audit().append(Auditor.record(event, actor, maskAudit));
    events.publish(event);
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
