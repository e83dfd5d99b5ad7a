package org.ecrm.core.spi;

import java.util.List;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.Order;
import org.ecrm.core.model.OrderId;

/** Stores orders with their refunds. Thread-safe and atomic per method, as {@link VersionedStore} says. */
public interface OrderStore extends VersionedStore<OrderId, Order> {

  /** The orders of {@code customerId}, by placement time then id; possibly none. */
  List<Order> findByCustomer(CustomerId customerId);
}
