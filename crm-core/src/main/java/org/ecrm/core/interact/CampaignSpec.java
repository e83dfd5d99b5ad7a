package org.ecrm.core.interact;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.Sku;

/**
 * A campaign: whom it targets, on which channels (per segment, in order of preference), for which
 * consent purpose, with what content, a hold-out control group and an attribution window. Immutable and
 * thread-safe; build one with {@link #builder(String, String)}.
 *
 * @param id the campaign id (a token)
 * @param purpose the consent purpose messages are sent for (a token, e.g. {@code newsletter})
 * @param target who is targeted
 * @param channels channels in order of preference for customers whose segment has no own list
 * @param channelsBySegment per segment, channels in order of preference
 * @param subject the subject line; {@code {name}} is replaced by the greeting name
 * @param body the body; {@code {name}} and {@code {products}} are replaced
 * @param featured products to feature; each is checked with the inventory at send time
 * @param recommendations how many personal recommendations to add to the featured products
 * @param controlFraction share of the eligible audience held out, 0 ≤ f &lt; 1, per segment
 * @param seed seed of the control-group draw
 * @param attributionWindow how long after the send a purchase counts for the campaign
 * @param maxAttempts delivery attempts per message (retries + 1)
 */
public record CampaignSpec(String id, String purpose, Target target, List<Channel> channels,
    Map<String, List<Channel>> channelsBySegment, String subject, String body, List<Sku> featured,
    int recommendations, double controlFraction, long seed, Duration attributionWindow, int maxAttempts) {

  /** Validates every field. */
  public CampaignSpec {
    id = Checks.token("CampaignSpec.id", id);
    purpose = Checks.token("CampaignSpec.purpose", purpose);
    Checks.notNull("CampaignSpec.target", target);
    channels = Checks.distinctList("CampaignSpec.channels", channels);
    Map<String, List<Channel>> bySegment = new LinkedHashMap<>();
    Checks.notNull("CampaignSpec.channelsBySegment", channelsBySegment).forEach((k, v) -> {
      String seg = Checks.id("CampaignSpec.channelsBySegment key", k);
      List<Channel> l = Checks.distinctList("CampaignSpec.channelsBySegment[" + seg + "]", v);
      if (l.isEmpty()) {
        throw Checks.invalid("CampaignSpec.channelsBySegment[" + seg + "]", "no channel", l);
      }
      bySegment.put(seg, l);
    });
    channelsBySegment = java.util.Collections.unmodifiableMap(bySegment);
    if (channels.isEmpty() && channelsBySegment.isEmpty()) {
      throw Checks.invalid("CampaignSpec.channels", "no channel to send on", channels);
    }
    subject = Checks.line("CampaignSpec.subject", subject);
    body = Checks.text("CampaignSpec.body", body);
    featured = Checks.distinctList("CampaignSpec.featured", featured);
    Checks.nonNegative("CampaignSpec.recommendations", recommendations);
    if (!(controlFraction >= 0 && controlFraction < 1)) {
      throw Checks.invalid("CampaignSpec.controlFraction", "must be in [0, 1)", controlFraction);
    }
    Checks.notNull("CampaignSpec.attributionWindow", attributionWindow);
    if (attributionWindow.isNegative() || attributionWindow.isZero()) {
      throw Checks.invalid("CampaignSpec.attributionWindow", "must be positive", attributionWindow);
    }
    if (maxAttempts < 1 || maxAttempts > 10) {
      throw Checks.invalid("CampaignSpec.maxAttempts", "must be within 1..10", maxAttempts);
    }
  }

  /** The channels for a customer in {@code segment} (empty segment: not scored), most preferred first. */
  public List<Channel> channelsFor(String segment) {
    return channelsBySegment.getOrDefault(segment, channels);
  }

  /** A builder for campaign {@code id} sending for consent purpose {@code purpose}. */
  public static Builder builder(String id, String purpose) {
    return new Builder(id, purpose);
  }

  /** Who a campaign targets. */
  public sealed interface Target {
    /** Customers in any of these RFM segments. @param names segment names */
    record Segments(Set<String> names) implements Target {
      /** @throws IllegalArgumentException if there is no name */
      public Segments {
        names = Set.copyOf(Checks.notNull("CampaignSpec.target.names", names));
        if (names.isEmpty()) {
          throw Checks.invalid("CampaignSpec.target.names", "no segment", names);
        }
      }
    }

    /** Customers with this class label. @param name the class (e.g. {@code HIGH_VALUE}) */
    record CustomerClass(String name) implements Target {
      /** @throws IllegalArgumentException if the name is blank */
      public CustomerClass {
        name = Checks.id("CampaignSpec.target.class", name);
      }
    }

    /**
     * Customers whose profile matches.
     *
     * @param description what the predicate selects, for reports
     * @param predicate the test; must be thread-safe and side-effect free
     */
    record Matching(String description, Predicate<Profile> predicate) implements Target {
      /** @throws IllegalArgumentException if the description is blank */
      public Matching {
        description = Checks.id("CampaignSpec.target.description", description);
        Checks.notNull("CampaignSpec.target.predicate", predicate);
      }
    }
  }

  /** Collects a campaign. Not thread-safe. */
  public static final class Builder {
    private final String id;
    private final String purpose;
    private Target target = new Target.Matching("everyone", p -> true);
    private final List<Channel> channels = new ArrayList<>();
    private final Map<String, List<Channel>> bySegment = new LinkedHashMap<>();
    private String subject = "";
    private String body = "";
    private final Set<Sku> featured = new LinkedHashSet<>();
    private int recommendations;
    private double controlFraction;
    private long seed = 1;
    private Duration window = Duration.ofDays(14);
    private int maxAttempts = 3;

    private Builder(String id, String purpose) {
      this.id = id;
      this.purpose = purpose;
    }

    /** Targets customers in any of these segments. */
    public Builder segments(String... names) {
      this.target = new Target.Segments(Set.of(names));
      return this;
    }

    /** Targets customers with a class label. */
    public Builder customerClass(String name) {
      this.target = new Target.CustomerClass(name);
      return this;
    }

    /** Targets customers whose profile matches {@code predicate}. */
    public Builder matching(String description, Predicate<Profile> predicate) {
      this.target = new Target.Matching(description, predicate);
      return this;
    }

    /** The default channels, most preferred first. */
    public Builder channels(Channel... values) {
      channels.clear();
      channels.addAll(List.of(values));
      return this;
    }

    /** The channels for one segment, most preferred first. */
    public Builder channelsFor(String segment, Channel... values) {
      bySegment.put(segment, List.of(values));
      return this;
    }

    /** The subject line ({@code {name}} is replaced). */
    public Builder subject(String value) {
      this.subject = value;
      return this;
    }

    /** The body ({@code {name}} and {@code {products}} are replaced). */
    public Builder body(String value) {
      this.body = value;
      return this;
    }

    /** Products to feature (checked with the inventory at send time). */
    public Builder feature(Sku... skus) {
      featured.addAll(List.of(skus));
      return this;
    }

    /** Personal recommendations to add per message (default 0). */
    public Builder recommendations(int n) {
      this.recommendations = n;
      return this;
    }

    /** The hold-out share and the seed of its draw (default none). */
    public Builder control(double fraction, long seed) {
      this.controlFraction = fraction;
      this.seed = seed;
      return this;
    }

    /** How long after the send purchases are attributed (default 14 days). */
    public Builder attributionWindow(Duration value) {
      this.window = value;
      return this;
    }

    /** Delivery attempts per message (default 3). */
    public Builder maxAttempts(int value) {
      this.maxAttempts = value;
      return this;
    }

    /**
     * Builds the campaign.
     *
     * @throws IllegalArgumentException naming the field of the first invalid setting
     */
    public CampaignSpec build() {
      return new CampaignSpec(id, purpose, target, channels, bySegment, subject, body, List.copyOf(featured),
          recommendations, controlFraction, seed, window, maxAttempts);
    }
  }
}
