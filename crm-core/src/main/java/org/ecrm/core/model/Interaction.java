package org.ecrm.core.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.ecrm.core.internal.check.Checks;
import org.jspecify.annotations.Nullable;

/**
 * A touchpoint: a query by e-mail, a complaint on the phone, a campaign message sent, a store visit.
 * Interactions are facts and are never changed once recorded. Immutable and thread-safe.
 *
 * @param id the interaction's id
 * @param customerId the customer it concerns
 * @param channel the channel
 * @param direction who started it
 * @param type what it was about
 * @param occurredAt when it happened
 * @param subject a one-line subject, may be empty
 * @param summary free text, may be empty
 * @param attributes typed custom attributes (a campaign id, a rating, ...)
 */
public record Interaction(
    InteractionId id,
    CustomerId customerId,
    Channel channel,
    Direction direction,
    InteractionType type,
    Instant occurredAt,
    String subject,
    String summary,
    Map<String, AttributeValue> attributes) {

  /**
   * Validates every field.
   *
   * @throws NullPointerException naming the field if one is null
   * @throws IllegalArgumentException naming the field if a text is too long
   */
  public Interaction {
    Checks.notNull("Interaction.id", id);
    Checks.notNull("Interaction.customerId", customerId);
    Checks.notNull("Interaction.channel", channel);
    Checks.notNull("Interaction.direction", direction);
    Checks.notNull("Interaction.type", type);
    Checks.notNull("Interaction.occurredAt", occurredAt);
    subject = Checks.line("Interaction.subject", subject);
    summary = Checks.text("Interaction.summary", summary);
    attributes = Checks.tokenMap("Interaction.attributes", attributes, v -> { });
  }

  /** A builder; {@code Crm.interactions().record(builder)} assigns id and time when not set. */
  public static Builder builder(CustomerId customerId, Channel channel, InteractionType type) {
    return new Builder(customerId, channel, type);
  }

  /** Collects an interaction. Not thread-safe. */
  public static final class Builder {
    private final CustomerId customerId;
    private final Channel channel;
    private final InteractionType type;
    private @Nullable InteractionId id;
    private Direction direction = Direction.INBOUND;
    private @Nullable Instant occurredAt;
    private String subject = "";
    private String summary = "";
    private final Map<String, AttributeValue> attributes = new LinkedHashMap<>();

    private Builder(CustomerId customerId, Channel channel, InteractionType type) {
      this.customerId = Checks.notNull("Interaction.customerId", customerId);
      this.channel = Checks.notNull("Interaction.channel", channel);
      this.type = Checks.notNull("Interaction.type", type);
    }

    /** An independent copy of this builder. */
    public Builder copy() {
      Builder b = new Builder(customerId, channel, type);
      b.id = id;
      b.direction = direction;
      b.occurredAt = occurredAt;
      b.subject = subject;
      b.summary = summary;
      b.attributes.putAll(attributes);
      return b;
    }

    /** The customer. */
    public CustomerId customerId() {
      return customerId;
    }

    /** The id set so far, if any. */
    public Optional<InteractionId> id() {
      return Optional.ofNullable(id);
    }

    /** The instant set so far, if any. */
    public Optional<Instant> occurredAt() {
      return Optional.ofNullable(occurredAt);
    }

    /** Sets the id (otherwise the facade's id generator assigns one). */
    public Builder id(InteractionId id) {
      this.id = Checks.notNull("Interaction.id", id);
      return this;
    }

    /** Sets the direction (default {@link Direction#INBOUND}). */
    public Builder direction(Direction direction) {
      this.direction = Checks.notNull("Interaction.direction", direction);
      return this;
    }

    /** Sets when it happened (otherwise the facade's clock gives it). */
    public Builder occurredAt(Instant occurredAt) {
      this.occurredAt = Checks.notNull("Interaction.occurredAt", occurredAt);
      return this;
    }

    /** Sets the subject. */
    public Builder subject(String subject) {
      this.subject = Checks.line("Interaction.subject", subject);
      return this;
    }

    /** Sets the summary. */
    public Builder summary(String summary) {
      this.summary = Checks.text("Interaction.summary", summary);
      return this;
    }

    /** Sets an attribute. */
    public Builder attribute(String key, AttributeValue value) {
      attributes.put(Checks.token("Interaction.attributes key", key),
          Checks.notNull("Interaction.attributes[" + key + "]", value));
      return this;
    }

    /**
     * Builds the interaction.
     *
     * @throws NullPointerException if the id or the instant is not set
     */
    public Interaction build() {
      return new Interaction(Checks.notNull("Interaction.id", id), customerId, channel, direction, type,
          Checks.notNull("Interaction.occurredAt", occurredAt), subject, summary, attributes);
    }
  }
}
