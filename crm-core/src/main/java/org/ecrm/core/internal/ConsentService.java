package org.ecrm.core.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecrm.core.event.CrmEvent;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.ConsentRecord;
import org.ecrm.core.model.ConsentStatus;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.LawfulBasis;
import org.ecrm.core.model.NotFoundException;
import org.ecrm.core.service.Consents;
import org.ecrm.core.spi.ConsentStore;

/** {@link Consents} over a {@link ConsentStore}. Thread-safe. */
public final class ConsentService implements Consents {
  private final CrmContext ctx;
  private final ConsentStore store;

  /** @param ctx the shared context */
  public ConsentService(CrmContext ctx) {
    this.ctx = ctx;
    this.store = ctx.storage().consents();
  }

  @Override
  public ConsentRecord grant(CustomerId customerId, Channel channel, String purpose, LawfulBasis basis,
      String source) {
    return record(new ConsentRecord(customerId, purpose, channel, ConsentStatus.GRANTED, basis, source,
        ctx.now()));
  }

  @Override
  public ConsentRecord withdraw(CustomerId customerId, Channel channel, String purpose, String source) {
    return record(new ConsentRecord(customerId, purpose, channel, ConsentStatus.WITHDRAWN,
        LawfulBasis.CONSENT, source, ctx.now()));
  }

  @Override
  public ConsentRecord record(ConsentRecord record) {
    Checks.notNull("consent", record);
    return ctx.atomically("record consent " + record.purpose() + "/" + record.channel() + " of customer "
        + record.customerId(), () -> {
          if (ctx.storage().customers().get(record.customerId()).isEmpty()) {
            throw new NotFoundException("Customer", record.customerId());
          }
          store.append(record);
          ctx.publish(new CrmEvent.ConsentChanged(record, ctx.now()));
          return record;
        });
  }

  @Override
  public List<ConsentRecord> history(CustomerId customerId) {
    return store.history(Checks.notNull("customerId", customerId));
  }

  @Override
  public List<ConsentRecord> current(CustomerId customerId) {
    Map<String, ConsentRecord> latest = new LinkedHashMap<>();
    for (ConsentRecord r : history(customerId)) {
      latest.merge(r.purpose() + "\u0000" + r.channel(), r, ConsentService::later);
    }
    List<ConsentRecord> out = new ArrayList<>(latest.values());
    out.sort(Comparator.comparing(ConsentRecord::purpose).thenComparing(ConsentRecord::channel));
    return out;
  }

  @Override
  public boolean canContact(CustomerId customerId, Channel channel, String purpose) {
    Checks.notNull("channel", channel);
    Checks.notNull("purpose", purpose);
    ConsentRecord latest = null;
    for (ConsentRecord r : history(customerId)) {
      if (r.channel() == channel && r.purpose().equals(purpose)) {
        latest = latest == null ? r : later(latest, r);
      }
    }
    return latest != null && latest.granted();
  }

  /** The record in force of two for one pair: the later instant; on a tie, the one appended last. */
  private static ConsentRecord later(ConsentRecord earlier, ConsentRecord appended) {
    return appended.recordedAt().isBefore(earlier.recordedAt()) ? earlier : appended;
  }
}
