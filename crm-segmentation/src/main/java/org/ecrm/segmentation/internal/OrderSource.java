package org.ecrm.segmentation.internal;

import org.ecrm.segmentation.engine.internal.BatchBuilder;

import java.time.ZoneId;
import java.util.Currency;
import java.util.Iterator;
import java.util.stream.Stream;
import org.ecrm.core.Crm;
import org.ecrm.core.model.Order;
import org.ecrm.core.model.OrderStatus;
import org.ecrm.segmentation.engine.CustomerKeys;
import org.ecrm.segmentation.engine.MixedCurrencyException;
import org.ecrm.segmentation.engine.TransactionSink;
import org.ecrm.segmentation.engine.TransactionSource;
import org.ecrm.segmentation.internal.util.CustomerIds;
import org.jspecify.annotations.Nullable;

/** crm-core orders adapter. Immutable; reads the store anew on each read. */
public final class OrderSource implements TransactionSource {
  private final Crm crm;
  private final Currency currency;
  private final ZoneId zone;
  /** Orders count with their net total (fully refunded ones skipped), else with their gross total. */
  private final boolean netted;
  /** Dense keys through this dictionary, or null to key customers by their ids' text. */
  private final @Nullable CustomerKeys keys;

  public OrderSource(Crm crm, Currency currency, ZoneId zone, boolean netted, @Nullable CustomerKeys keys) {
    this.crm = crm;
    this.currency = currency;
    this.zone = zone;
    this.netted = netted;
    this.keys = keys;
  }

  @Override
  public void read(TransactionSink sink) {
    BatchBuilder out = Engine.ACCESS.builder(currency, sink);
    long record = 0;
    try (Stream<Order> orders = crm.orders().stream()) {
      Iterator<Order> it = orders.iterator();
      while (it.hasNext()) {
        Order o = it.next();
        long rec = record++;
        if (!o.currency().equals(currency)) {
          throw new MixedCurrencyException(currency, o.currency(), rec);
        }
        if (o.status() == OrderStatus.CANCELLED) {
          sink.skip("cancelled order");
          continue;
        }
        long amount = netted ? o.netTotal().minorUnits() : o.total().minorUnits();
        if (netted && amount == 0 && !o.refunds().isEmpty()) {
          sink.skip("fully refunded order");
          continue;
        }
        long day = o.placedAt().atZone(zone).toLocalDate().toEpochDay();
        if (keys != null) {
          out.add(rec, keys.keyOf(o.customerId()), day, amount);
        } else {
          String id = o.customerId().value(); // valid: CustomerId has the same rules
          long key = CustomerIds.key(id);
          out.add(rec, key, CustomerIds.isNamed(key) ? id : null, day, amount);
        }
      }
    }
    out.flush();
  }
}
