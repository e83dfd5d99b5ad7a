package org.ecrm.core.interact;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.ecrm.core.Crm;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.Order;
import org.ecrm.core.model.OrderLine;
import org.ecrm.core.model.OrderStatus;
import org.ecrm.core.model.Product;
import org.ecrm.core.model.Sku;

/**
 * "Bought together" (co-occurrence in orders) and "popular in your segment" (distinct buyers per
 * segment) from the order history, filtered by stock at the moment of the call and by what the customer
 * owns. The order index is built on first use and rebuilt after orders or products change ({@link
 * #stale()}). Thread-safe: the index is immutable and swapped atomically.
 */
final class Recommender {
  private final Crm crm;
  private final SegmentLookup segments;
  private final InventoryGateway inventory;
  private volatile Index index;
  private volatile boolean stale = true;

  /** A recommender over {@code crm}'s orders. */
  public Recommender(Crm crm, SegmentLookup segments, InventoryGateway inventory) {
    this.crm = crm;
    this.segments = segments;
    this.inventory = inventory;
  }

  /** Marks the index out of date; the next call rebuilds it. */
  public void stale() {
    stale = true;
  }

  /** Up to {@code limit} recommendations for the profile, bought-together first. */
  public List<Recommendation> recommend(Profile profile, int limit) {
    Index ix = index();
    Set<Sku> owned = profile.owned();
    Map<Sku, long[]> together = new HashMap<>(); // sku -> {score, best anchor count}
    Map<Sku, Sku> anchor = new HashMap<>();
    for (Sku s : owned) {
      List<Integer> orders = ix.ordersOf.getOrDefault(s, List.of());
      Map<Sku, Long> local = new HashMap<>();
      for (int o : orders) {
        for (Sku t : ix.orders.get(o)) {
          if (!owned.contains(t)) {
            local.merge(t, 1L, Long::sum);
          }
        }
      }
      for (Map.Entry<Sku, Long> e : local.entrySet()) {
        long[] acc = together.computeIfAbsent(e.getKey(), k -> new long[2]);
        acc[0] += e.getValue();
        if (e.getValue() > acc[1] || (e.getValue() == acc[1] && s.compareTo(anchor.get(e.getKey())) < 0)) {
          acc[1] = e.getValue();
          anchor.put(e.getKey(), s);
        }
      }
    }
    Map<Sku, Recommendation> out = new LinkedHashMap<>();
    together.entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<Sku, long[]> e) -> -e.getValue()[0]).thenComparing(Map.Entry::getKey))
        .takeWhile(e -> out.size() < limit)
        .filter(e -> inventory.isAvailable(e.getKey()))
        .forEach(e -> {
          Sku a = anchor.get(e.getKey());
          out.put(e.getKey(), new Recommendation(e.getKey(), ix.name(e.getKey()), Recommendation.Kind.BOUGHT_TOGETHER,
              e.getValue()[0], "bought together with " + label(ix, a) + " in " + e.getValue()[1] + " orders"));
        });
    if (out.size() < limit && profile.segment().isPresent()) {
      String seg = profile.segment().get();
      for (Map.Entry<Sku, Long> e : ix.popularIn(seg)) {
        if (out.size() >= limit) {
          break;
        }
        Sku t = e.getKey();
        if (!owned.contains(t) && !out.containsKey(t) && inventory.isAvailable(t)) {
          out.put(t, new Recommendation(t, ix.name(t), Recommendation.Kind.POPULAR_IN_SEGMENT, e.getValue(),
              "bought by " + e.getValue() + " customers in segment '" + seg + "'"));
        }
      }
    }
    return List.copyOf(out.values());
  }

  private static String label(Index ix, Sku s) {
    String n = ix.name(s);
    return n.isEmpty() ? s.value() : n + " (" + s.value() + ")";
  }

  private Index index() {
    Index ix = index;
    if (ix == null || stale) {
      synchronized (this) {
        ix = index;
        if (ix == null || stale) {
          stale = false; // a change during the build marks it stale again
          ix = build();
          index = ix;
        }
      }
    }
    return ix;
  }

  private Index build() {
    List<Sku[]> orders = new ArrayList<>();
    List<CustomerId> owners = new ArrayList<>();
    Map<Sku, List<Integer>> ordersOf = new HashMap<>();
    try (Stream<Order> s = crm.orders().stream()) {
      s.filter(o -> o.status() != OrderStatus.CANCELLED && o.status() != OrderStatus.REFUNDED).forEach(o -> {
        Sku[] skus = o.lines().stream().map(OrderLine::sku).distinct().toArray(Sku[]::new);
        int i = orders.size();
        orders.add(skus);
        owners.add(o.customerId());
        for (Sku k : skus) {
          ordersOf.computeIfAbsent(k, x -> new ArrayList<>()).add(i);
        }
      });
    }
    Map<String, Map<Sku, Set<CustomerId>>> buyers = new HashMap<>();
    Map<CustomerId, String> segmentOf = new HashMap<>();
    for (int i = 0; i < orders.size(); i++) {
      CustomerId c = owners.get(i);
      String seg = segmentOf.computeIfAbsent(c,
          k -> segments.membershipOf(k).map(SegmentLookup.Membership::segment).orElse(""));
      if (seg.isEmpty()) {
        continue;
      }
      Map<Sku, Set<CustomerId>> m = buyers.computeIfAbsent(seg, k -> new HashMap<>());
      for (Sku k : orders.get(i)) {
        m.computeIfAbsent(k, x -> new HashSet<>()).add(c);
      }
    }
    Map<String, List<Map.Entry<Sku, Long>>> popular = new HashMap<>();
    buyers.forEach((seg, m) -> popular.put(seg, m.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), (long) e.getValue().size()))
        .sorted(Map.Entry.<Sku, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
        .toList()));
    Map<Sku, String> names = new HashMap<>();
    try (Stream<Product> s = crm.products().stream()) {
      s.forEach(p -> names.put(p.sku(), p.name()));
    }
    return new Index(orders, Map.copyOf(ordersOf), popular, names);
  }

  private record Index(List<Sku[]> orders, Map<Sku, List<Integer>> ordersOf,
      Map<String, List<Map.Entry<Sku, Long>>> popular, Map<Sku, String> names) {
    List<Map.Entry<Sku, Long>> popularIn(String segment) {
      return popular.getOrDefault(segment, List.of());
    }

    String name(Sku s) {
      return names.getOrDefault(s, "");
    }
  }
}
