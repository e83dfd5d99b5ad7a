package org.ecrm.core.interact;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.CustomerId;

/** The in-memory {@link SuppressionList}. Thread-safe: each customer's list changes atomically. */
final class InMemorySuppressions implements SuppressionList {
  private final Map<CustomerId, List<Suppression>> byCustomer = new ConcurrentHashMap<>();

  @Override
  public void add(Suppression suppression) {
    Checks.notNull("SuppressionList.suppression", suppression);
    byCustomer.compute(suppression.customerId(), (k, old) -> {
      List<Suppression> l = old == null ? new ArrayList<>() : new ArrayList<>(old);
      boolean same = l.stream().anyMatch(s -> s.channel().equals(suppression.channel())
          && s.reason() == suppression.reason());
      if (!same) {
        l.add(suppression);
      }
      return List.copyOf(l);
    });
  }

  @Override
  public int remove(CustomerId customerId, Reason reason) {
    Checks.notNull("SuppressionList.customerId", customerId);
    Checks.notNull("SuppressionList.reason", reason);
    int[] n = {0};
    byCustomer.computeIfPresent(customerId, (k, old) -> {
      List<Suppression> l = old.stream().filter(s -> s.reason() != reason).toList();
      n[0] = old.size() - l.size();
      return l.isEmpty() ? null : l;
    });
    return n[0];
  }

  @Override
  public List<Suppression> of(CustomerId customerId) {
    Checks.notNull("SuppressionList.customerId", customerId);
    return byCustomer.getOrDefault(customerId, List.of());
  }
}
