package org.ecrm.tracking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.ExternalId;
import org.ecrm.core.service.Customers;

/**
 * Stitches identities: anonymous ids are linked to a user id by identify (or any event carrying both)
 * and alias; a user id is linked to a crm-core customer through the customer's external id
 * {@code ExternalId(ExternalId.WEB_USER, userId)}.
 *
 * <p>Rules. Two different known user ids are never merged: an alias whose previous id is itself a known
 * user id (different from the new one) is refused and recorded as a conflict. A shared device (one
 * anonymous id identified by two users) keeps both links in time order: {@link #userFor(String, Instant)}
 * gives the user whose link is the latest at or before the time, and history before the first identify
 * belongs to the first user who identified. {@link #userFor(String)} gives the most recent user.
 *
 * <p>Thread-safe (synchronized).
 */
public final class IdentityResolver {
  /** The outcome of {@link #observe}. */
  public enum Outcome {
    /** A new link was made. */
    LINKED,
    /** The event carries nothing to link, or the link existed. */
    UNCHANGED,
    /** The event would merge two known user ids: refused. */
    CONFLICT
  }

  private final Function<ExternalId, Optional<CustomerId>> customerLookup;
  /** anonymous id → links in time order. */
  private final Map<String, List<IdentityLink>> byAnonymous = new HashMap<>();
  /** user id → anonymous ids. */
  private final Map<String, Set<String>> byUser = new HashMap<>();
  private final List<String> conflicts = new ArrayList<>();

  private IdentityResolver(Function<ExternalId, Optional<CustomerId>> customerLookup) {
    this.customerLookup = customerLookup;
  }

  /** A resolver that finds customers with {@code customers.findByExternalId}. */
  public static IdentityResolver forCustomers(Customers customers) {
    Objects.requireNonNull(customers, "customers");
    return new IdentityResolver(id -> customers.findByExternalId(id).map(Customer::id));
  }

  /** A resolver with any customer lookup (e.g. a cache or a remote CRM). */
  public static IdentityResolver withLookup(Function<ExternalId, Optional<CustomerId>> customerLookup) {
    return new IdentityResolver(Objects.requireNonNull(customerLookup, "customerLookup"));
  }

  /** A resolver without customer linking. */
  public static IdentityResolver standalone() {
    return new IdentityResolver(id -> Optional.empty());
  }

  /** Links the ids an event carries (see the class rules). */
  public synchronized Outcome observe(TrackingEvent e) {
    if (e.type() == EventType.ALIAS) {
      String prev = e.previousId().orElseThrow();
      String user = e.userId().orElseThrow();
      if (prev.equals(user)) {
        return Outcome.UNCHANGED;
      }
      if (byUser.containsKey(prev)) {
        conflicts.add("alias " + e.messageId() + ": refused to merge known user ids \"" + prev + "\" and \""
            + user + "\"");
        return Outcome.CONFLICT;
      }
      return link(prev, user, e.timestamp());
    }
    if (e.anonymousId().isPresent() && e.userId().isPresent()) {
      return link(e.anonymousId().get(), e.userId().get(), e.timestamp());
    }
    return Outcome.UNCHANGED;
  }

  private Outcome link(String anon, String user, Instant at) {
    if (byUser.containsKey(anon)) {
      conflicts.add("refused to use known user id \"" + anon + "\" as an anonymous id of \"" + user + "\"");
      return Outcome.CONFLICT;
    }
    List<IdentityLink> links = byAnonymous.computeIfAbsent(anon, k -> new ArrayList<>(1));
    for (IdentityLink l : links) {
      if (l.userId().equals(user)) {
        if (at.isBefore(l.since())) {
          links.set(links.indexOf(l), new IdentityLink(anon, user, at));
          links.sort(Comparator.comparing(IdentityLink::since));
        }
        return Outcome.UNCHANGED;
      }
    }
    links.add(new IdentityLink(anon, user, at));
    links.sort(Comparator.comparing(IdentityLink::since));
    byUser.computeIfAbsent(user, k -> new LinkedHashSet<>()).add(anon);
    return Outcome.LINKED;
  }

  /** The user most recently linked to an anonymous id. */
  public synchronized Optional<String> userFor(String anonymousId) {
    List<IdentityLink> l = byAnonymous.get(anonymousId);
    return l == null || l.isEmpty() ? Optional.empty() : Optional.of(l.get(l.size() - 1).userId());
  }

  /** The user an anonymous id stood for at a time (shared-device rule in the class comment). */
  public synchronized Optional<String> userFor(String anonymousId, Instant at) {
    List<IdentityLink> l = byAnonymous.get(anonymousId);
    if (l == null || l.isEmpty()) {
      return Optional.empty();
    }
    String user = l.get(0).userId();
    for (IdentityLink link : l) {
      if (!link.since().isAfter(at)) {
        user = link.userId();
      }
    }
    return Optional.of(user);
  }

  /** The visitor an event belongs to: its user id, else its anonymous id's user at that time, else the anonymous id. */
  public String visitorOf(TrackingEvent e) {
    if (e.userId().isPresent()) {
      return e.userId().get();
    }
    String anon = e.anonymousId().orElseThrow();
    return userFor(anon, e.timestamp()).orElse(anon);
  }

  /** The anonymous ids linked to a user id. */
  public synchronized Set<String> anonymousIdsOf(String userId) {
    return Set.copyOf(byUser.getOrDefault(userId, Set.of()));
  }

  /** Every link of an anonymous id, oldest first. */
  public synchronized List<IdentityLink> linksOf(String anonymousId) {
    return List.copyOf(byAnonymous.getOrDefault(anonymousId, List.of()));
  }

  /** The crm-core customer of a user id: the customer holding {@code ExternalId("web", userId)}. */
  public Optional<CustomerId> customerFor(String userId) {
    if (Ids.isPlaceholder(userId)) {
      return Optional.empty();
    }
    return customerLookup.apply(ExternalId.of(ExternalId.WEB_USER, userId));
  }

  /** Refused merges so far, as messages. */
  public synchronized List<String> conflicts() {
    return List.copyOf(conflicts);
  }

  /**
   * Erases everything about a user id: its identity links, and in the given sinks its events and
   * sessions (keyed by the user id and by the anonymous ids linked only to this user; an anonymous id
   * shared with another user keeps its other links and its events). The session stores are
   * {@code org.ecrm.tracking.session.SessionSink}s or any other {@link ErasableStore} keyed by visitor id.
   */
  public ErasureReport erase(String userId, List<? extends EventSink> eventSinks,
      List<? extends ErasableStore> sessionSinks) {
    return erase(userId, eventSinks, sessionSinks, List.of(), List.of());
  }

  /**
   * As {@link #erase(String, List, List)}, and also forgets the user's events still buffered in the
   * trackers and the failures kept by the failed-event sinks (counted with the events). Erase the
   * trackers' buffers first, then the sinks, so a batch in flight is not missed: this method does so.
   */
  public ErasureReport erase(String userId, List<? extends EventSink> eventSinks,
      List<? extends ErasableStore> sessionSinks, List<? extends Tracker> trackers,
      List<? extends FailedEventSink> failedSinks) {
    Set<String> ids = new HashSet<>();
    ids.add(Objects.requireNonNull(userId, "userId"));
    long links = 0;
    synchronized (this) {
      Set<String> anons = byUser.remove(userId);
      if (anons != null) {
        for (String anon : anons) {
          List<IdentityLink> l = byAnonymous.get(anon);
          if (l == null) {
            continue;
          }
          int before = l.size();
          l.removeIf(x -> x.userId().equals(userId));
          links += before - l.size();
          if (l.isEmpty()) {
            byAnonymous.remove(anon);
            ids.add(anon);
          }
        }
      }
    }
    long events = 0;
    for (Tracker t : trackers) {
      events += t.erase(ids);
      t.flush(); // a batch the delivery thread had taken reaches the sinks, erased below
    }
    for (FailedEventSink f : failedSinks) {
      events += f.erase(ids);
    }
    for (EventSink s : eventSinks) {
      events += s.erase(ids);
    }
    long sessions = 0;
    for (ErasableStore s : sessionSinks) {
      sessions += s.erase(ids);
    }
    return new ErasureReport(userId, ids, links, events, sessions);
  }
}
