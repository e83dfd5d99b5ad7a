package org.ecrm.tracking;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One tracking event (Segment-spec shape). Immutable and thread-safe; validated on construction.
 *
 * <p>Rules: a message id; an anonymous id and/or a user id, neither a placeholder ({@code "null"},
 * {@code "undefined"}, {@code "0"}, {@code "guest"}, {@code "anonymous"}, empty, whitespace); a
 * {@code track} needs a name; an {@code alias} needs a user id and a previous id; a {@code group} needs a
 * group id. Properties (traits for identify and group) are JSON values: {@code String}, {@code Boolean},
 * {@code Long}, {@code Double}, {@code BigDecimal}, {@code BigInteger}, lists, string-keyed maps and
 * {@code null} for a JSON null; they are deep-copied and unmodifiable.
 *
 * @param type the kind of event
 * @param messageId unique id of this message (duplicates are dropped within the tracker's window)
 * @param anonymousId the anonymous (cookie or device) id, if any
 * @param userId the known user id, if any
 * @param name the track event name, the page name or the screen name
 * @param previousId for alias: the id being linked to {@code userId}
 * @param groupId for group: the account id
 * @param timestamp when the event happened (after clock-skew correction)
 * @param sentAt when the client sent it, by the client's clock, if known
 * @param receivedAt when the server received it
 * @param context page, browser, IP, locale, campaign
 * @param properties event properties (or traits), JSON values
 */
public record TrackingEvent(
    EventType type,
    String messageId,
    Optional<String> anonymousId,
    Optional<String> userId,
    Optional<String> name,
    Optional<String> previousId,
    Optional<String> groupId,
    Instant timestamp,
    Optional<Instant> sentAt,
    Instant receivedAt,
    EventContext context,
    Map<String, @Nullable Object> properties) {

  /** The track event name of a page ping (heartbeat) while a page stays open. */
  public static final String PAGE_PING = "page_ping";

  /**
   * Validates the event.
   *
   * @throws InvalidEventException naming the field and the reason
   * @throws NullPointerException naming a null component
   */
  public TrackingEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(anonymousId, "anonymousId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(previousId, "previousId");
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(sentAt, "sentAt");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(properties, "properties");
    if (messageId.isBlank()) {
      throw new InvalidEventException("messageId", "must not be blank");
    }
    if (messageId.length() > Ids.MAX_ID_LENGTH) {
      throw new InvalidEventException("messageId", "longer than " + Ids.MAX_ID_LENGTH + " characters");
    }
    anonymousId.ifPresent(id -> Ids.check("anonymousId", id));
    userId.ifPresent(id -> Ids.check("userId", id));
    if (anonymousId.isEmpty() && userId.isEmpty()) {
      throw new InvalidEventException("userId", "an anonymousId or a userId is required");
    }
    switch (type) {
      case TRACK -> {
        if (name.isEmpty() || name.get().isBlank()) {
          throw new InvalidEventException("event", "a track event needs a name");
        }
      }
      case ALIAS -> {
        if (userId.isEmpty()) {
          throw new InvalidEventException("userId", "an alias needs a userId");
        }
        Ids.check("previousId", previousId.orElse(""));
      }
      case GROUP -> Ids.check("groupId", groupId.orElse(""));
      default -> { }
    }
    properties = JsonValues.copyMap("properties", properties);
  }

  /** A builder for an event of {@code type}; the message id, ids and timestamp are required. */
  public static Builder builder(EventType type) {
    return new Builder(type);
  }

  /** True if this is a {@code track} event named {@link #PAGE_PING}. */
  public boolean isPagePing() {
    return type == EventType.TRACK && name.filter(PAGE_PING::equals).isPresent();
  }

  /** The user id if present, else the anonymous id: the key of the visitor. */
  public String visitorId() {
    return userId.orElseGet(anonymousId::orElseThrow);
  }

  /** A copy with another context (used for IP masking). */
  public TrackingEvent withContext(EventContext value) {
    return new TrackingEvent(type, messageId, anonymousId, userId, name, previousId, groupId, timestamp,
        sentAt, receivedAt, value, properties);
  }

  /**
   * Builds events in code. Not thread-safe. Unset: ids empty, {@code receivedAt} = timestamp, context
   * {@link EventContext#EMPTY}, no properties.
   */
  public static final class Builder {
    private final EventType type;
    private @Nullable String messageId;
    private @Nullable String anonymousId;
    private @Nullable String userId;
    private @Nullable String name;
    private @Nullable String previousId;
    private @Nullable String groupId;
    private @Nullable Instant timestamp;
    private @Nullable Instant sentAt;
    private @Nullable Instant receivedAt;
    private EventContext context = EventContext.EMPTY;
    private Map<String, ? extends @Nullable Object> properties = Map.of();

    private Builder(EventType type) {
      this.type = Objects.requireNonNull(type, "type");
    }

    /** Sets the message id. */
    public Builder messageId(String value) {
      this.messageId = Objects.requireNonNull(value, "messageId");
      return this;
    }

    /** Sets the anonymous id. */
    public Builder anonymousId(String value) {
      this.anonymousId = Objects.requireNonNull(value, "anonymousId");
      return this;
    }

    /** Sets the user id. */
    public Builder userId(String value) {
      this.userId = Objects.requireNonNull(value, "userId");
      return this;
    }

    /** Sets the event, page or screen name. */
    public Builder name(String value) {
      this.name = Objects.requireNonNull(value, "name");
      return this;
    }

    /** Sets the previous id (alias). */
    public Builder previousId(String value) {
      this.previousId = Objects.requireNonNull(value, "previousId");
      return this;
    }

    /** Sets the group id (group). */
    public Builder groupId(String value) {
      this.groupId = Objects.requireNonNull(value, "groupId");
      return this;
    }

    /** Sets when the event happened. */
    public Builder timestamp(Instant value) {
      this.timestamp = Objects.requireNonNull(value, "timestamp");
      return this;
    }

    /** Sets when the client sent the event. */
    public Builder sentAt(Instant value) {
      this.sentAt = Objects.requireNonNull(value, "sentAt");
      return this;
    }

    /** Sets when the server received the event. */
    public Builder receivedAt(Instant value) {
      this.receivedAt = Objects.requireNonNull(value, "receivedAt");
      return this;
    }

    /** Sets the context. */
    public Builder context(EventContext value) {
      this.context = Objects.requireNonNull(value, "context");
      return this;
    }

    /** Sets the properties (traits for identify/group). */
    public Builder properties(Map<String, ? extends @Nullable Object> value) {
      this.properties = Objects.requireNonNull(value, "properties");
      return this;
    }

    /**
     * Builds the event.
     *
     * @throws InvalidEventException naming the missing or bad field
     */
    public TrackingEvent build() {
      if (messageId == null) {
        throw new InvalidEventException("messageId", "is required");
      }
      if (timestamp == null) {
        throw new InvalidEventException("timestamp", "is required");
      }
      return new TrackingEvent(type, messageId, Optional.ofNullable(anonymousId), Optional.ofNullable(userId),
          Optional.ofNullable(name), Optional.ofNullable(previousId), Optional.ofNullable(groupId), timestamp,
          Optional.ofNullable(sentAt), receivedAt == null ? timestamp : receivedAt, context,
          (Map<String, @Nullable Object>) (Map<String, ?>) properties);
    }
  }

  /** Whether this event is about one of {@code ids} (as user, anonymous or previous id). */
  public boolean concerns(java.util.Set<String> ids) {
    return userId.filter(ids::contains).isPresent() || anonymousId.filter(ids::contains).isPresent()
        || previousId.filter(ids::contains).isPresent();
  }
}
