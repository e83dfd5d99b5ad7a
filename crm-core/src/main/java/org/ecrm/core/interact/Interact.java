package org.ecrm.core.interact;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ecrm.core.Crm;
import org.ecrm.core.event.CrmEvent;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.CustomerId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Interact, the third step of the life cycle, over a {@link Crm}: personalisation profiles,
 * recommendations, the contact policy and campaigns. Build one with {@link #builder(Crm)}:
 *
 * <pre>{@code
 * InteractListener events = new InteractListener();
 * Crm crm = Crm.builder().listener(events).build();
 * Interact interact = Interact.builder(crm).events(events)
 *     .segments(rfmSegments).behaviour(trackingBehaviour).inventory(stock)
 *     .channel(MessageChannel.inMemory(Channel.EMAIL)).rules(ContactRules.defaults()).build();
 * Profile p = interact.profile(customerId);
 * CampaignRun run = interact.send(CampaignSpec.builder("win-back", "newsletter").segments("At Risk")
 *     .channels(Channel.EMAIL).control(0.2, 42).build());
 * CampaignReport report = interact.report("win-back");
 * }</pre>
 *
 * <p>Thread-safe: profiles come from a bounded concurrent cache; sends are serialised. Campaign runs and
 * recorded outcomes are kept in memory for the life of this object; the messages themselves are stored as
 * interactions through the {@code Crm}.
 */
public final class Interact {
  private static final Logger LOG = LoggerFactory.getLogger(Interact.class);

  private final Crm crm;
  private final Clock clock;
  private final InventoryGateway inventory;
  private final SuppressionList suppressions;
  private final ProfileService profiles;
  private final Recommender recommender;
  private final PolicyEngine policy;
  private final CampaignEngine campaigns;

  private Interact(Builder b) {
    this.crm = b.crm;
    this.clock = b.clock == null ? crm.clock() : b.clock;
    this.inventory = b.inventory;
    this.suppressions = b.suppressions;
    Duration ttl = b.events == null ? b.ttlWithoutEvents : null;
    if (b.events == null) {
      LOG.info("Interact without an InteractListener: cached profiles expire after {}", ttl);
    }
    this.profiles = new ProfileService(crm, b.segments, b.behaviour, suppressions, clock, b.cacheSize, ttl);
    this.recommender = new Recommender(crm, b.segments, inventory);
    this.policy = new PolicyEngine(crm, b.rules, suppressions, profiles, b.channels.keySet());
    this.campaigns = new CampaignEngine(crm, b.segments, inventory, b.channels, profiles, policy, recommender,
        suppressions, clock);
    if (b.events != null) {
      b.events.connect(this::onEvent);
    }
  }

  /** A builder over {@code crm}. */
  public static Builder builder(Crm crm) {
    return new Builder(Checks.notNull("Interact.crm", crm));
  }

  /**
   * The profile of a customer: recognised, or {@link Profile.Recognition#ERASED} for an erased id.
   *
   * @throws org.ecrm.core.model.NotFoundException if there is no such customer and it was not erased
   */
  public Profile profile(CustomerId customerId) {
    return profiles.profile(Checks.notNull("Interact.customerId", customerId));
  }

  /** The profile of a web visitor: the customer's if the visitor is recognised, else anonymous. */
  public Profile profileOfVisitor(String visitorId) {
    return profiles.profileOfVisitor(Checks.id("Interact.visitorId", visitorId));
  }

  /**
   * Up to {@code limit} recommendations for a customer: bought together with what they own, then popular
   * in their segment; never out of stock, discontinued or already bought.
   *
   * @throws IllegalArgumentException if the limit is not positive
   * @throws org.ecrm.core.model.NotFoundException if there is no such customer
   */
  public List<Recommendation> recommendations(CustomerId customerId, int limit) {
    Checks.positive("Interact.limit", limit);
    Profile p = profile(customerId);
    return p.recognition() == Profile.Recognition.RECOGNISED ? recommender.recommend(p, limit) : List.of();
  }

  /** Whether a message for {@code purpose} may go to the customer on {@code channel} now, with every reason not. */
  public ContactDecision decide(CustomerId customerId, Channel channel, String purpose) {
    return decide(customerId, channel, purpose, clock.instant());
  }

  /** As {@link #decide(CustomerId, Channel, String)} at {@code at} (e.g. a scheduled send). */
  public ContactDecision decide(CustomerId customerId, Channel channel, String purpose, Instant at) {
    Checks.notNull("Interact.customerId", customerId);
    Checks.notNull("Interact.channel", channel);
    Checks.token("Interact.purpose", purpose);
    Checks.notNull("Interact.at", at);
    return policy.decide(customerId, channel, purpose, at);
  }

  /**
   * The audience the campaign would have now, without sending anything.
   *
   * @throws IllegalArgumentException naming the field for an unknown segment or class, or a channel no
   *     {@link MessageChannel} delivers on
   */
  public Audience plan(CampaignSpec campaign) {
    return campaigns.plan(Checks.notNull("Interact.campaign", campaign));
  }

  /**
   * Plans and sends a campaign: one message per treatment member through its channel's {@link
   * MessageChannel}, with retries; delivered messages are recorded as outbound interactions whose ids
   * are {@code campaign:<message id>}. Everything is read from the storage before the first message
   * goes out: a storage failure while planning sends and stores nothing. If the storage fails while the
   * interactions are recorded, the run is kept and sending the same campaign again records the missing
   * interactions and returns the run, without sending any message twice.
   *
   * @throws IllegalArgumentException as {@link #plan}
   * @throws IllegalStateException if a campaign with this id was already sent (and fully recorded)
   * @throws org.ecrm.core.model.StoreException if the storage failed; the message says whether messages went out
   */
  public CampaignRun send(CampaignSpec campaign) {
    return campaigns.send(Checks.notNull("Interact.campaign", campaign));
  }

  /**
   * Records that a treatment member opened or clicked a campaign message (from tracking events or the
   * channel's callbacks).
   *
   * @throws org.ecrm.core.model.NotFoundException if the campaign was not sent
   * @throws IllegalArgumentException if the customer was not sent the campaign or {@code at} is before the send
   */
  public void recordOutcome(String campaignId, CustomerId customerId, Outcome outcome, Instant at) {
    campaigns.recordOutcome(campaignId, customerId, outcome, at);
  }

  /**
   * The run of a sent campaign.
   *
   * @throws org.ecrm.core.model.NotFoundException if the campaign was not sent
   */
  public CampaignRun run(String campaignId) {
    return campaigns.run(campaignId);
  }

  /**
   * Outcomes per segment and channel, purchases attributed within the window, and uplift against the
   * control group, from the orders stored now.
   *
   * @throws org.ecrm.core.model.NotFoundException if the campaign was not sent
   */
  public CampaignReport report(String campaignId) {
    return campaigns.report(campaignId);
  }

  /** The suppression list the policy reads. */
  public SuppressionList suppressions() {
    return suppressions;
  }

  /** The inventory recommendations and campaign content are checked against. */
  public InventoryGateway inventory() {
    return inventory;
  }

  /** The contact rules in force. */
  public ContactRules rules() {
    return policy.rules();
  }

  /** Drops a customer's cached profile (e.g. after the host refreshed their segment or behaviour). */
  public void invalidate(CustomerId customerId) {
    profiles.invalidate(Checks.notNull("Interact.customerId", customerId));
  }

  /** Drops an anonymous visitor's cached profile. */
  public void invalidateVisitor(String visitorId) {
    profiles.invalidateVisitor(Checks.notNull("Interact.visitorId", visitorId));
  }

  /** Drops every cached profile and the recommendation index (after a new segmentation or tracking run). */
  public void invalidateAll() {
    profiles.invalidateAll();
    recommender.stale();
  }

  /** How many profiles are cached now (approximate). */
  public long cachedProfiles() {
    return profiles.cached();
  }

  private void onEvent(CrmEvent e) {
    if (e instanceof CrmEvent.CustomerUpdated u) {
      profiles.invalidate(u.after().id());
    } else if (e instanceof CrmEvent.CustomerMerged m) {
      profiles.invalidate(m.after().id());
      profiles.invalidate(m.merged().id());
      recommender.stale();
    } else if (e instanceof CrmEvent.CustomerErased x) {
      suppressions.add(new SuppressionList.Suppression(x.erasedId(), Optional.empty(), SuppressionList.Reason.ERASED,
          "", x.at()));
      List<CustomerId> gone = new java.util.ArrayList<>(x.mergedIds());
      gone.add(x.erasedId());
      x.mergedIds().forEach(m -> suppressions.add(new SuppressionList.Suppression(m, Optional.empty(),
          SuppressionList.Reason.ERASED, "", x.at())));
      profiles.forget(gone);
      recommender.stale();
    } else if (e instanceof CrmEvent.PreferencesChanged p) {
      profiles.invalidate(p.after().customerId());
    } else if (e instanceof CrmEvent.ConsentChanged c) {
      profiles.invalidate(c.consent().customerId());
    } else if (e instanceof CrmEvent.OrderPlaced o) {
      orderChanged(o.order().customerId());
    } else if (e instanceof CrmEvent.OrderCancelled o) {
      orderChanged(o.order().customerId());
    } else if (e instanceof CrmEvent.OrderRefunded o) {
      orderChanged(o.order().customerId());
    } else if (e instanceof CrmEvent.ProductCreated || e instanceof CrmEvent.ProductUpdated) {
      recommender.stale();
    }
  }

  private void orderChanged(CustomerId id) {
    profiles.invalidate(id);
    recommender.stale();
  }

  /** Configures {@link Interact}. Not thread-safe. */
  public static final class Builder {
    private final Crm crm;
    private SegmentLookup segments = SegmentLookup.none();
    private BehaviourLookup behaviour = BehaviourLookup.none();
    private InventoryGateway inventory = InventoryGateway.inMemory();
    private SuppressionList suppressions = SuppressionList.inMemory();
    private ContactRules rules = ContactRules.defaults();
    private final Map<Channel, MessageChannel> channels = new EnumMap<>(Channel.class);
    private @Nullable InteractListener events;
    private @Nullable Clock clock;
    private long cacheSize = 100_000;
    private Duration ttlWithoutEvents = Duration.ofMinutes(1);

    private Builder(Crm crm) {
      this.crm = crm;
    }

    /** Where RFM segments and classes come from (default: none). */
    public Builder segments(SegmentLookup value) {
      this.segments = Checks.notNull("Interact.segments", value);
      return this;
    }

    /** Where browsing behaviour comes from (default: none). */
    public Builder behaviour(BehaviourLookup value) {
      this.behaviour = Checks.notNull("Interact.behaviour", value);
      return this;
    }

    /** The stock (default: an empty {@link InMemoryInventory}, where nothing is available). */
    public Builder inventory(InventoryGateway value) {
      this.inventory = Checks.notNull("Interact.inventory", value);
      return this;
    }

    /** The suppression list (default: in memory). */
    public Builder suppressions(SuppressionList value) {
      this.suppressions = Checks.notNull("Interact.suppressions", value);
      return this;
    }

    /** The contact rules (default {@link ContactRules#defaults()}). */
    public Builder rules(ContactRules value) {
      this.rules = Checks.notNull("Interact.rules", value);
      return this;
    }

    /**
     * Adds a delivery channel.
     *
     * @throws IllegalStateException if one was already added for its channel
     */
    public Builder channel(MessageChannel value) {
      Checks.notNull("Interact.channel", value);
      Channel c = Checks.notNull("MessageChannel.channel()", value.channel());
      if (channels.containsKey(c)) {
        throw new IllegalStateException("Interact.channel: a MessageChannel for " + c + " was already added: "
            + channels.get(c));
      }
      channels.put(c, value);
      return this;
    }

    /** The listener registered on the {@code Crm} that feeds domain events to the profile cache. */
    public Builder events(InteractListener value) {
      this.events = Checks.notNull("Interact.events", value);
      return this;
    }

    /** The clock (default: the {@code Crm}'s). */
    public Builder clock(Clock value) {
      this.clock = Checks.notNull("Interact.clock", value);
      return this;
    }

    /**
     * The most profiles cached (default 100,000).
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder cacheSize(long value) {
      this.cacheSize = Checks.positive("Interact.cacheSize", value);
      return this;
    }

    /**
     * How long a cached profile lives when no {@link InteractListener} is connected (default 1 minute).
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder cacheTtlWithoutEvents(Duration value) {
      Checks.notNull("Interact.cacheTtlWithoutEvents", value);
      if (value.isNegative() || value.isZero()) {
        throw Checks.invalid("Interact.cacheTtlWithoutEvents", "must be positive", value);
      }
      this.ttlWithoutEvents = value;
      return this;
    }

    /** Builds the service. */
    public Interact build() {
      return new Interact(this);
    }
  }
}
