package org.ecrm.core.interact;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ecrm.core.Crm;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.AttributeValue;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerFilter;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.Direction;
import org.ecrm.core.model.DuplicateKeyException;
import org.ecrm.core.model.Interaction;
import org.ecrm.core.model.InteractionId;
import org.ecrm.core.model.InteractionType;
import org.ecrm.core.model.NotFoundException;
import org.ecrm.core.model.Order;
import org.ecrm.core.model.OrderStatus;
import org.ecrm.core.model.Sku;
import org.ecrm.core.model.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plans and sends campaigns, keeps their runs and outcomes in memory, and reports attribution and uplift.
 * Thread-safe: sends are serialised (so frequency caps see every message of an earlier send); runs and
 * outcomes live in concurrent maps.
 */
final class CampaignEngine {
  private static final Logger LOG = LoggerFactory.getLogger(CampaignEngine.class);

  private final Crm crm;
  private final SegmentLookup segments;
  private final InventoryGateway inventory;
  private final Map<Channel, MessageChannel> channels;
  private final ProfileService profiles;
  private final PolicyEngine policy;
  private final Recommender recommender;
  private final SuppressionList suppressions;
  private final Clock clock;
  private final Map<String, State> campaigns = new ConcurrentHashMap<>();

  /**
   * A sent campaign: its run, outcomes, and the interactions of delivered messages not recorded yet (a
   * storage failure after sending; the next {@link #send} of the campaign records them).
   */
  private record State(CampaignSpec spec, CampaignRun run, Map<CustomerId, Set<Outcome>> outcomes,
      List<Interaction.Builder> unrecorded) { }

  /** A message built before anything is sent. */
  private record Prepared(Audience.Member member, MessageChannel.Message message, List<Sku> products,
      List<String> dropped) { }

  /** An engine over the given services. */
  public CampaignEngine(Crm crm, SegmentLookup segments, InventoryGateway inventory, Map<Channel, MessageChannel> channels,
      ProfileService profiles, PolicyEngine policy, Recommender recommender, SuppressionList suppressions, Clock clock) {
    this.crm = crm;
    this.segments = segments;
    this.inventory = inventory;
    this.channels = Map.copyOf(channels);
    this.profiles = profiles;
    this.policy = policy;
    this.recommender = recommender;
    this.suppressions = suppressions;
    this.clock = clock;
  }

  /** Checks the campaign against the segmentation and the registered channels. */
  public void validate(CampaignSpec spec) {
    if (spec.target() instanceof CampaignSpec.Target.Segments s) {
      for (String name : new java.util.TreeSet<>(s.names())) {
        if (!segments.segmentNames().contains(name)) {
          throw Checks.invalid("CampaignSpec.target", "unknown segment (known: " + new java.util.TreeSet<>(
              segments.segmentNames()) + ")", name);
        }
      }
    } else if (spec.target() instanceof CampaignSpec.Target.CustomerClass c
        && !segments.classNames().contains(c.name())) {
      throw Checks.invalid("CampaignSpec.target", "unknown customer class (known: "
          + new java.util.TreeSet<>(segments.classNames()) + ")", c.name());
    }
    for (String seg : spec.channelsBySegment().keySet()) {
      if (!segments.segmentNames().contains(seg)) {
        throw Checks.invalid("CampaignSpec.channelsBySegment", "unknown segment (known: "
            + new java.util.TreeSet<>(segments.segmentNames()) + ")", seg);
      }
    }
    Set<Channel> used = new LinkedHashSet<>(spec.channels());
    spec.channelsBySegment().values().forEach(used::addAll);
    for (Channel ch : used) {
      if (!channels.containsKey(ch)) {
        throw Checks.invalid("CampaignSpec.channels", "no MessageChannel is registered for it (registered: "
            + new java.util.TreeSet<>(channels.keySet()) + ")", ch);
      }
    }
  }

  /** The audience of a campaign now: targeted customers, channel per customer, control group, exclusions. */
  public Audience plan(CampaignSpec spec) {
    validate(spec);
    Instant now = clock.instant();
    List<Audience.Member> eligible = new ArrayList<>();
    List<Audience.Exclusion> exclusions = new ArrayList<>();
    int targeted = 0;
    try (Stream<Customer> all = crm.customers().stream(CustomerFilter.all())) {
      for (Customer c : (Iterable<Customer>) all::iterator) {
        Profile p = profiles.profile(c.id());
        if (!matches(spec.target(), p)) {
          continue;
        }
        targeted++;
        String seg = p.segment().orElse("");
        List<ContactDecision> tried = new ArrayList<>();
        Optional<Channel> chosen = Optional.empty();
        for (Channel ch : channelOrder(spec.channelsFor(seg), p.channels())) {
          ContactDecision d = policy.decide(c.id(), ch, spec.purpose(), now);
          tried.add(d);
          if (d.allowed()) {
            chosen = Optional.of(ch);
            break;
          }
        }
        if (chosen.isPresent()) {
          eligible.add(new Audience.Member(c.id(), seg, chosen.get()));
        } else {
          exclusions.add(new Audience.Exclusion(c.id(), seg, tried));
        }
      }
    }
    List<Audience.Member> treatment = new ArrayList<>();
    List<Audience.Member> control = new ArrayList<>();
    Map<String, List<Audience.Member>> bySegment = eligible.stream()
        .collect(Collectors.groupingBy(Audience.Member::segment, TreeMap::new, Collectors.toList()));
    Set<CustomerId> held = new java.util.HashSet<>();
    for (List<Audience.Member> members : bySegment.values()) {
      long k = Math.round(spec.controlFraction() * members.size());
      members.stream()
          .sorted(Comparator.comparingLong((Audience.Member m) -> draw(spec.seed(), m.customerId()))
              .thenComparing(m -> m.customerId().value()))
          .limit(k).forEach(m -> held.add(m.customerId()));
    }
    for (Audience.Member m : eligible) {
      (held.contains(m.customerId()) ? control : treatment).add(m);
    }
    return new Audience(spec.id(), now, targeted, treatment, control, exclusions);
  }

  /**
   * Plans and sends a campaign; each campaign id is sent once. Every store read (audience, customers,
   * products) happens before the first message goes out, so a storage failure there sends nothing and
   * keeps nothing. The interactions of the delivered messages are recorded after sending, each under
   * the message's id: if the storage fails then, the run is kept (the messages were sent), a
   * {@link StoreException} says how many interactions are missing, and sending the same campaign again
   * records them without sending any message twice.
   */
  public synchronized CampaignRun send(CampaignSpec spec) {
    State sent = campaigns.get(spec.id());
    if (sent != null) {
      if (!sent.unrecorded().isEmpty()) {
        record(sent);
        return sent.run();
      }
      throw new IllegalStateException("CampaignSpec.id: campaign '" + spec.id() + "' was already sent");
    }
    Audience audience = plan(spec);
    Instant sentAt = clock.instant();
    List<Prepared> prepared = new ArrayList<>();
    int seq = 0;
    for (Audience.Member m : audience.treatment()) {
      prepared.add(prepare(spec, m, spec.id() + "-" + (++seq)));
    }
    List<CampaignRun.Delivery> deliveries = new ArrayList<>();
    List<Interaction.Builder> toRecord = new ArrayList<>();
    for (Prepared p : prepared) {
      deliveries.add(deliver(spec, p, sentAt, toRecord));
    }
    CampaignRun run = new CampaignRun(audience, sentAt, deliveries);
    State state = new State(spec, run, new ConcurrentHashMap<>(), new ArrayList<>(toRecord));
    campaigns.put(spec.id(), state);
    LOG.info("campaign {}: {} targeted, {} sent ({} delivered), {} held out, {} excluded", spec.id(),
        audience.targeted(), deliveries.size(), run.count(MessageChannel.Status.DELIVERED), audience.control().size(),
        audience.exclusions().size());
    record(state);
    return run;
  }

  /** Records the campaign's unrecorded interactions; one already stored (by its id) counts as recorded. */
  private void record(State state) {
    List<Interaction.Builder> pending = state.unrecorded();
    while (!pending.isEmpty()) {
      try {
        crm.interactions().record(pending.get(0));
      } catch (DuplicateKeyException already) {
        // recorded by an earlier attempt whose answer was lost
      } catch (StoreException e) {
        throw new StoreException("send campaign " + state.spec().id() + " failed: its messages were sent, but "
            + pending.size() + " of their interactions are not recorded yet; send the campaign again to record"
            + " them (no message is sent twice): " + e.getMessage(), e, e.outcomeUnknown());
      }
      pending.remove(0);
    }
  }

  private Prepared prepare(CampaignSpec spec, Audience.Member m, String messageId) {
    Profile p = profiles.profile(m.customerId());
    List<Sku> products = new ArrayList<>();
    List<String> dropped = new ArrayList<>();
    for (Sku s : spec.featured()) {
      InventoryGateway.StockLevel level = inventory.stock(s);
      if (level.sellable()) {
        products.add(s);
      } else {
        dropped.add(s.value() + ": " + level.unavailableReason());
      }
    }
    if (spec.recommendations() > 0) {
      for (Recommendation r : recommender.recommend(p, spec.recommendations() + products.size())) {
        if (!products.contains(r.sku()) && products.size() < spec.featured().size() + spec.recommendations()) {
          products.add(r.sku());
        }
      }
    }
    Customer c = crm.customers().require(m.customerId());
    String address = switch (m.channel()) {
      case EMAIL -> c.primaryEmail().map(Object::toString).orElse("");
      case SMS, PHONE -> c.primaryPhone().map(Object::toString).orElse("");
      default -> "";
    };
    String name = p.displayName().isEmpty() ? "there" : p.displayName();
    String productText = products.stream().map(s -> crm.products().get(s).map(x -> x.name()).orElse(s.value()))
        .collect(Collectors.joining(", "));
    MessageChannel.Message msg = new MessageChannel.Message(messageId, spec.id(), m.customerId(), m.channel(), address,
        spec.subject().replace("{name}", name), spec.body().replace("{name}", name).replace("{products}", productText),
        products);
    return new Prepared(m, msg, products, dropped);
  }

  private CampaignRun.Delivery deliver(CampaignSpec spec, Prepared prepared, Instant sentAt,
      List<Interaction.Builder> toRecord) {
    Audience.Member m = prepared.member();
    MessageChannel.Message msg = prepared.message();
    String messageId = msg.id();
    MessageChannel out = channels.get(m.channel());
    List<String> errors = new ArrayList<>();
    MessageChannel.Status status = MessageChannel.Status.RETRY;
    int attempts = 0;
    while (attempts < spec.maxAttempts()) {
      attempts++;
      try {
        MessageChannel.Result r = Checks.notNull("MessageChannel.send result", out.send(msg));
        status = r.status();
        if (status != MessageChannel.Status.DELIVERED) {
          errors.add("attempt " + attempts + ": " + status + (r.detail().isEmpty() ? "" : " " + r.detail()));
        }
      } catch (RuntimeException e) {
        status = MessageChannel.Status.RETRY;
        errors.add("attempt " + attempts + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      if (status != MessageChannel.Status.RETRY) {
        break;
      }
    }
    if (status == MessageChannel.Status.DELIVERED) {
      toRecord.add(Interaction.builder(m.customerId(), m.channel(), InteractionType.CAMPAIGN_MESSAGE)
          .id(InteractionId.of("campaign:" + messageId)).direction(Direction.OUTBOUND).occurredAt(sentAt).subject(msg.subject())
          .attribute("campaign", AttributeValue.of(spec.id())).attribute("message", AttributeValue.of(messageId)));
    } else {
      if (status == MessageChannel.Status.BOUNCED) {
        suppressions.add(new SuppressionList.Suppression(m.customerId(), Optional.of(m.channel()),
            SuppressionList.Reason.BOUNCED, String.join("; ", errors), sentAt));
        profiles.invalidate(m.customerId());
      }
      LOG.warn("campaign {}: message {} to {} on {} not delivered after {} attempts: {}", spec.id(), messageId,
          m.customerId().value(), m.channel(), attempts, errors);
    }
    return new CampaignRun.Delivery(m.customerId(), m.segment(), m.channel(), messageId, status, attempts, errors,
        prepared.products(), prepared.dropped());
  }

  /** Records an open or a click of a campaign message. */
  public void recordOutcome(String campaignId, CustomerId customerId, Outcome outcome, Instant at) {
    State s = state(campaignId);
    Checks.notNull("Interact.customerId", customerId);
    Checks.notNull("Interact.outcome", outcome);
    Checks.notNull("Interact.at", at);
    boolean treated = s.run.audience().treatment().stream().anyMatch(m -> m.customerId().equals(customerId));
    if (!treated) {
      throw Checks.invalid("Interact.customerId", "was not sent campaign '" + campaignId + "'", customerId.value());
    }
    if (at.isBefore(s.run.sentAt())) {
      throw Checks.invalid("Interact.at", "is before the campaign was sent at " + s.run.sentAt(), at);
    }
    s.outcomes.computeIfAbsent(customerId, k -> ConcurrentHashMap.newKeySet()).add(outcome);
  }

  /** The run of a sent campaign. */
  public CampaignRun run(String campaignId) {
    return state(campaignId).run;
  }

  /** Outcomes, attribution and uplift of a sent campaign, from the orders stored now. */
  public CampaignReport report(String campaignId) {
    State s = state(campaignId);
    Instant from = s.run.sentAt();
    Instant to = from.plus(s.spec.attributionWindow());
    Map<CustomerId, CampaignRun.Delivery> delivery = new java.util.HashMap<>();
    s.run.deliveries().forEach(d -> delivery.put(d.customerId(), d));
    Map<String, int[]> cells = new TreeMap<>(); // "segment\u0000channel" -> contacted, delivered, opened, clicked, purchased
    Map<String, int[]> cmp = new TreeMap<>(); // segment -> treated, treatedPurchasers, control, controlPurchasers
    for (Audience.Member m : s.run.audience().treatment()) {
      boolean bought = purchased(m.customerId(), from, to);
      Set<Outcome> o = s.outcomes.getOrDefault(m.customerId(), Set.of());
      int[] c = cells.computeIfAbsent(m.segment() + "\u0000" + m.channel().name(), k -> new int[5]);
      c[0]++;
      CampaignRun.Delivery d = delivery.get(m.customerId());
      c[1] += d != null && d.status() == MessageChannel.Status.DELIVERED ? 1 : 0;
      c[2] += o.contains(Outcome.OPENED) || o.contains(Outcome.CLICKED) ? 1 : 0;
      c[3] += o.contains(Outcome.CLICKED) ? 1 : 0;
      c[4] += bought ? 1 : 0;
      int[] g = cmp.computeIfAbsent(m.segment(), k -> new int[4]);
      g[0]++;
      g[1] += bought ? 1 : 0;
    }
    for (Audience.Member m : s.run.audience().control()) {
      int[] g = cmp.computeIfAbsent(m.segment(), k -> new int[4]);
      g[2]++;
      g[3] += purchased(m.customerId(), from, to) ? 1 : 0;
    }
    List<CampaignReport.Cell> cellList = new ArrayList<>();
    cells.forEach((k, c) -> {
      String[] parts = k.split("\u0000", 2);
      cellList.add(new CampaignReport.Cell(parts[0], Channel.valueOf(parts[1]), c[0], c[1], c[2], c[3], c[4]));
    });
    List<CampaignReport.Comparison> segs = new ArrayList<>();
    int[] total = new int[4];
    cmp.forEach((seg, g) -> {
      segs.add(new CampaignReport.Comparison(seg, g[0], g[1], g[2], g[3]));
      for (int i = 0; i < 4; i++) {
        total[i] += g[i];
      }
    });
    return new CampaignReport(campaignId, from, s.spec.attributionWindow(), cellList, segs,
        new CampaignReport.Comparison("*", total[0], total[1], total[2], total[3]));
  }

  private boolean purchased(CustomerId id, Instant from, Instant to) {
    for (Order o : crm.orders().ofCustomer(id)) {
      if (o.status() != OrderStatus.CANCELLED && !o.placedAt().isBefore(from) && !o.placedAt().isAfter(to)) {
        return true;
      }
    }
    return false;
  }

  private State state(String campaignId) {
    Checks.notNull("Interact.campaignId", campaignId);
    State s = campaigns.get(campaignId);
    if (s == null) {
      throw new NotFoundException("Campaign", campaignId);
    }
    return s;
  }

  private static boolean matches(CampaignSpec.Target t, Profile p) {
    if (p.recognition() != Profile.Recognition.RECOGNISED) {
      return false;
    }
    if (t instanceof CampaignSpec.Target.Segments s) {
      return p.segment().isPresent() && s.names().contains(p.segment().get());
    }
    if (t instanceof CampaignSpec.Target.CustomerClass c) {
      return p.classes().contains(c.name());
    }
    return ((CampaignSpec.Target.Matching) t).predicate().test(p);
  }

  /** The segment's channels with the ones the customer stated moved to the front, in the customer's order. */
  static List<Channel> channelOrder(List<Channel> forSegment, List<Channel> stated) {
    Set<Channel> out = new LinkedHashSet<>();
    for (Channel c : stated) {
      if (forSegment.contains(c)) {
        out.add(c);
      }
    }
    out.addAll(forSegment);
    return List.copyOf(out);
  }

  /** A seeded, well-mixed draw per customer (SplitMix64 finaliser), independent of the listing order. */
  static long draw(long seed, CustomerId id) {
    long z = seed * 0x9E3779B97F4A7C15L + id.value().hashCode();
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
