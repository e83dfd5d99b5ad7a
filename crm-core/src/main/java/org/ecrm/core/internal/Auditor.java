package org.ecrm.core.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.ecrm.core.event.CrmEvent;
import org.ecrm.core.internal.check.LazyList;
import org.ecrm.core.internal.check.Searchable;
import org.ecrm.core.model.Actor;
import org.ecrm.core.model.AuditRecord;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.FieldChange;
import org.jspecify.annotations.Nullable;

/**
 * Turns domain events into audit records: which fields of which entity changed, by whom. Field
 * changes are found by comparing the record components of the before and after states. Stateless.
 */
public final class Auditor {
  /** Components never listed as changes: identity and bookkeeping. */
  private static final Set<String> SKIPPED = Set.of("id", "sku", "customerId", "version", "createdAt",
      "updatedAt");
  /** Components that hold personal data, masked when masking is on. */
  private static final Set<String> PERSONAL = Set.of("name", "emails", "phones", "addresses",
      "externalIds", "attributes", "subject", "summary", "reason", "source");
  /** The text that replaces a masked value. */
  public static final String MASK = "***";

  private Auditor() {}

  /** The audit record for {@code event} made by {@code actor}. */
  public static AuditRecord record(CrmEvent event, Actor actor, boolean mask) {
    if (event instanceof CrmEvent.CustomerCreated e) {
      return of(event, actor, "Customer", e.customer().id().value(), "create", null, e.customer(), mask);
    } else if (event instanceof CrmEvent.CustomerUpdated e) {
      return of(event, actor, "Customer", e.after().id().value(), "update", e.before(), e.after(), mask);
    } else if (event instanceof CrmEvent.CustomerMerged e) {
      List<FieldChange> changes = new ArrayList<>();
      changes.add(new FieldChange("mergedFrom", "", e.merged().id().value()));
      changes.addAll(diff(e.before(), e.after(), mask));
      return new AuditRecord(event.at(), actor, "Customer", e.after().id().value(), "merge", changes);
    } else if (event instanceof CrmEvent.CustomerErased e) {
      return new AuditRecord(event.at(), actor, "Customer", e.pseudonymId().value(), "erase", List.of(
          new FieldChange("ordersKept", "", String.valueOf(e.ordersKept())),
          new FieldChange("interactionsDeleted", "", String.valueOf(e.interactionsDeleted())),
          new FieldChange("consentRecordsDeleted", "", String.valueOf(e.consentRecordsDeleted()))));
    } else if (event instanceof CrmEvent.PreferencesChanged e) {
      return of(event, actor, "Preferences", e.after().customerId().value(), "update", e.before(), e.after(), mask);
    } else if (event instanceof CrmEvent.AccountCreated e) {
      return of(event, actor, "Account", e.account().id().value(), "create", null, e.account(), mask);
    } else if (event instanceof CrmEvent.AccountUpdated e) {
      return of(event, actor, "Account", e.after().id().value(), "update", e.before(), e.after(), mask);
    } else if (event instanceof CrmEvent.ProductCreated e) {
      return of(event, actor, "Product", e.product().sku().value(), "create", null, e.product(), mask);
    } else if (event instanceof CrmEvent.ProductUpdated e) {
      return of(event, actor, "Product", e.after().sku().value(), "update", e.before(), e.after(), mask);
    } else if (event instanceof CrmEvent.OrderPlaced e) {
      return of(event, actor, "Order", e.order().id().value(), "create", null, e.order(), mask);
    } else if (event instanceof CrmEvent.OrderPaid e) {
      return status(event, actor, e.order().id().value(), "pay", "PLACED", e.order().status().name());
    } else if (event instanceof CrmEvent.OrderCancelled e) {
      return status(event, actor, e.order().id().value(), "cancel", "", e.order().status().name());
    } else if (event instanceof CrmEvent.OrderRefunded e) {
      return of(event, actor, "Order", e.order().id().value(), "refund", null, e.refund(), mask);
    } else if (event instanceof CrmEvent.InteractionRecorded e) {
      return of(event, actor, "Interaction", e.interaction().id().value(), "create", null,
          e.interaction(), mask);
    } else if (event instanceof CrmEvent.ConsentChanged e) {
      return new AuditRecord(event.at(), actor, "Consent", e.consent().customerId().value(),
          e.consent().status().name().toLowerCase(java.util.Locale.ROOT), List.of(new FieldChange(
              e.consent().purpose() + "/" + e.consent().channel(), "", e.consent().status().name())));
    }
    throw new IllegalArgumentException("no audit mapping for " + event.getClass().getName());
  }

  private static AuditRecord status(CrmEvent event, Actor actor, String id, String action, String from,
      String to) {
    return new AuditRecord(event.at(), actor, "Order", id, action, List.of(new FieldChange("status", from, to)));
  }

  private static AuditRecord of(CrmEvent event, Actor actor, String type, String id, String action,
      @Nullable Record before, Record after, boolean mask) {
    if (!mask && before == null && after instanceof Customer) {
      // a created customer: its changes are rendered when the audit record is read (or stored by a
      // database), from the immutable record the event carries; most audit records are never read. Only
      // a customer: the record it keeps holds nothing the rendering leaves out but its own id and times
      // (an order or interaction would keep its customer's id, which erasure must not leave behind).
      // Never when masking: the kept customer would hold the personal values the masked trail must not
      return new AuditRecord(event.at(), actor, type, id, action, new Created(after, mask));
    }
    return new AuditRecord(event.at(), actor, type, id, action, diff(before, after, mask));
  }

  /**
   * The components that differ between {@code before} (absent: all empty) and {@code after}. A
   * collection or map component is recorded as what changed in it, not as whole values: the old value
   * lists the elements (entries) removed, the new value the ones added, so one change costs audit
   * space in proportion to what changed. A list whose elements only moved is recorded whole.
   */
  public static List<FieldChange> diff(@Nullable Record before, Record after, boolean mask) {
    List<FieldChange> changes = new ArrayList<>();
    for (Component c : COMPONENTS.get(after.getClass())) {
      Object was = before == null ? null : c.value(before);
      Object is = c.value(after);
      boolean hide = mask && c.personal();
      if (was instanceof Collection<?> || is instanceof Collection<?> || was instanceof Map<?, ?>
          || is instanceof Map<?, ?>) {
        if (!Objects.equals(was, is)) {
          FieldChange ch = elements(c.name(), was, is);
          if (ch != null) {
            changes.add(masked(ch, hide));
          }
        }
        continue;
      }
      String old = render(was);
      String now = render(is);
      if (!old.equals(now)) {
        changes.add(masked(new FieldChange(c.name(), old, now), hide));
      }
    }
    return changes;
  }

  /**
   * The changes of a created record, rendered on first read: every component that is not empty. A search
   * ({@link #containsAny}) renders one component value at a time and keeps none.
   */
  private static final class Created extends LazyList<FieldChange> implements Searchable {
    private final Record after;
    private final boolean mask;

    Created(Record after, boolean mask) {
      super("AuditRecord.changes");
      this.after = after;
      this.mask = mask;
    }

    @Override
    protected List<FieldChange> compute() {
      return diff(null, after, mask);
    }

    /**
     * Whether {@code test} holds for the old or new value of one of the changes: what {@link #diff} renders
     * for a creation (old values all empty, new ones the non-empty components), component by component,
     * without the changes.
     */
    @Override
    public boolean anyValue(Predicate<String> test) {
      List<FieldChange> rendered = computed();
      if (rendered != null) {
        for (FieldChange ch : rendered) {
          if (test.test(ch.oldValue()) || test.test(ch.newValue())) {
            return true;
          }
        }
        return false;
      }
      boolean any = false;
      for (Component c : COMPONENTS.get(after.getClass())) {
        String value = render(c.value(after)); // diff(null, after) records exactly the non-empty ones
        if (value.isEmpty()) {
          continue;
        }
        if (test.test(mask && c.personal() ? MASK : value)) {
          return true;
        }
        any = true;
      }
      return any && test.test(""); // the old values
    }
  }

  /** A record component that audit records compare: its name, whether it is personal, its accessor. */
  private record Component(String name, boolean personal, MethodHandle accessor) {
    @Nullable Object value(Record r) {
      try {
        return (Object) accessor.invokeExact(r);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new IllegalStateException("cannot read " + name + " of " + r.getClass().getName(), e);
      }
    }
  }

  /**
   * The compared components of each record class, looked up once: reflection per audited write was a
   * fifth of the in-memory write path.
   */
  private static final ClassValue<List<Component>> COMPONENTS = new ClassValue<>() {
    @Override
    protected List<Component> computeValue(Class<?> type) {
      List<Component> out = new ArrayList<>();
      for (RecordComponent c : type.getRecordComponents()) {
        if (SKIPPED.contains(c.getName())) {
          continue;
        }
        MethodHandle h;
        try {
          h = MethodHandles.lookup().unreflect(c.getAccessor());
        } catch (IllegalAccessException e) {
          throw new IllegalStateException("cannot read " + c, e);
        }
        out.add(new Component(c.getName(), PERSONAL.contains(c.getName()),
            h.asType(MethodType.methodType(Object.class, Record.class))));
      }
      return List.copyOf(out);
    }
  };

  private static FieldChange masked(FieldChange ch, boolean hide) {
    return !hide ? ch : new FieldChange(ch.field(), ch.oldValue().isEmpty() ? "" : MASK,
        ch.newValue().isEmpty() ? "" : MASK);
  }

  /** The elements removed (old) and added (new) between two collections or maps; null if none differ. */
  private static @Nullable FieldChange elements(String field, @Nullable Object was, @Nullable Object is) {
    if (was == null && is != null) { // a create: everything was added, in order (what the general case gives)
      String added = render(is);
      return added.isEmpty() ? null : new FieldChange(field, "", added);
    }
    if (was instanceof Map<?, ?> || is instanceof Map<?, ?>) {
      Map<?, ?> a = was instanceof Map<?, ?> m ? m : Map.of();
      Map<?, ?> b = is instanceof Map<?, ?> m ? m : Map.of();
      Map<Object, Object> removed = new LinkedHashMap<>();
      Map<Object, Object> added = new LinkedHashMap<>();
      a.forEach((k, v) -> {
        if (!b.containsKey(k) || !Objects.equals(b.get(k), v)) {
          removed.put(k, v);
        }
      });
      b.forEach((k, v) -> {
        if (!a.containsKey(k) || !Objects.equals(a.get(k), v)) {
          added.put(k, v);
        }
      });
      return removed.isEmpty() && added.isEmpty() ? null
          : new FieldChange(field, render(removed), render(added));
    }
    Collection<?> a = was instanceof Collection<?> x ? x : List.of();
    Collection<?> b = is instanceof Collection<?> x ? x : List.of();
    Set<?> inA = a instanceof Set<?> set ? set : new HashSet<>(a);
    Set<?> inB = b instanceof Set<?> set ? set : new HashSet<>(b);
    List<Object> removed = new ArrayList<>();
    for (Object o : a) {
      if (!inB.contains(o)) {
        removed.add(o);
      }
    }
    List<Object> added = new ArrayList<>();
    for (Object o : b) {
      if (!inA.contains(o)) {
        added.add(o);
      }
    }
    if (removed.isEmpty() && added.isEmpty()) { // same elements, other order or multiplicity
      String old = render(was);
      String now = render(is);
      return old.equals(now) ? null : new FieldChange(field, old, now);
    }
    return new FieldChange(field, render(removed), render(added));
  }

  private static String render(@Nullable Object v) {
    if (v == null) {
      return "";
    }
    String s = v.toString();
    return s.equals("[]") || s.equals("{}") ? "" : s;
  }
}
