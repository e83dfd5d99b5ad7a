package org.ecrm.core.interact;

import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.Channel;

/**
 * The company's contact rules: frequency caps per channel and overall (counted over the outbound
 * interactions recorded in a rolling window), quiet hours in the customer's time zone, and whether a
 * customer who stated preferred channels may be reached only on those. Immutable and thread-safe.
 *
 * @param channelCaps cap per channel; a channel without one is capped only by {@code overallCap}
 * @param overallCap a cap over all channels, if any
 * @param quietHours the hours (local to the customer) in which no message goes out, if any
 * @param statedChannelsOnly whether a customer who stated channels is contacted only on those
 */
public record ContactRules(Map<Channel, Cap> channelCaps, Optional<Cap> overallCap,
    Optional<QuietHours> quietHours, boolean statedChannelsOnly) {

  /** Copies the caps. */
  public ContactRules {
    channelCaps = Map.copyOf(Checks.notNull("ContactRules.channelCaps", channelCaps));
    Checks.notNull("ContactRules.overallCap", overallCap);
    Checks.notNull("ContactRules.quietHours", quietHours);
  }

  /**
   * The defaults: at most 2 e-mails, 1 SMS and 1 push message (app) per 7 days, at most 3 messages per
   * 7 days overall, quiet hours 21:00–08:00, stated channels only.
   */
  public static ContactRules defaults() {
    Map<Channel, Cap> caps = new EnumMap<>(Channel.class);
    caps.put(Channel.EMAIL, new Cap(2, Duration.ofDays(7)));
    caps.put(Channel.SMS, new Cap(1, Duration.ofDays(7)));
    caps.put(Channel.MOBILE_APP, new Cap(1, Duration.ofDays(7)));
    return new ContactRules(caps, Optional.of(new Cap(3, Duration.ofDays(7))),
        Optional.of(new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0))), true);
  }

  /** No caps, no quiet hours, any consented channel: only consent, suppression and stated frequency apply. */
  public static ContactRules permissive() {
    return new ContactRules(Map.of(), Optional.empty(), Optional.empty(), false);
  }

  /**
   * A copy with a cap of {@code max} messages per {@code window} on {@code channel}.
   *
   * @throws IllegalArgumentException naming the field if max or window is not positive
   */
  public ContactRules withCap(Channel channel, int max, Duration window) {
    Checks.notNull("ContactRules.channel", channel);
    Map<Channel, Cap> caps = new EnumMap<>(Channel.class);
    caps.putAll(channelCaps);
    caps.put(channel, new Cap(max, window));
    return new ContactRules(caps, overallCap, quietHours, statedChannelsOnly);
  }

  /**
   * A copy with an overall cap.
   *
   * @throws IllegalArgumentException naming the field if max or window is not positive
   */
  public ContactRules withOverallCap(int max, Duration window) {
    return new ContactRules(channelCaps, Optional.of(new Cap(max, window)), quietHours, statedChannelsOnly);
  }

  /**
   * A copy with quiet hours from {@code start} to {@code end} (may wrap midnight).
   *
   * @throws IllegalArgumentException if start equals end
   */
  public ContactRules withQuietHours(LocalTime start, LocalTime end) {
    return new ContactRules(channelCaps, overallCap, Optional.of(new QuietHours(start, end)), statedChannelsOnly);
  }

  /** A copy without quiet hours. */
  public ContactRules withoutQuietHours() {
    return new ContactRules(channelCaps, overallCap, Optional.empty(), statedChannelsOnly);
  }

  /** A copy with the stated-channels rule on or off. */
  public ContactRules withStatedChannelsOnly(boolean on) {
    return new ContactRules(channelCaps, overallCap, quietHours, on);
  }

  /**
   * At most {@code max} messages in any rolling {@code window}.
   *
   * @param max messages allowed, positive
   * @param window the rolling window, positive
   */
  public record Cap(int max, Duration window) {
    /** @throws IllegalArgumentException naming the field if max or window is not positive */
    public Cap {
      if (max <= 0) {
        throw Checks.invalid("ContactRules.Cap.max", "must be positive", max);
      }
      Checks.notNull("ContactRules.Cap.window", window);
      if (window.isNegative() || window.isZero()) {
        throw Checks.invalid("ContactRules.Cap.window", "must be positive", window);
      }
    }
  }

  /**
   * Local hours in which no message goes out, {@code [start, end)}; wraps midnight when end is before
   * start (21:00–08:00).
   *
   * @param start first quiet minute
   * @param end first minute no longer quiet
   */
  public record QuietHours(LocalTime start, LocalTime end) {
    /** @throws IllegalArgumentException if start equals end (quiet all day or never: say so with caps) */
    public QuietHours {
      Checks.notNull("ContactRules.QuietHours.start", start);
      Checks.notNull("ContactRules.QuietHours.end", end);
      if (start.equals(end)) {
        throw Checks.invalid("ContactRules.QuietHours.end", "equals start, the quiet period would be empty", end);
      }
    }

    /** Whether {@code t} is quiet. */
    public boolean contains(LocalTime t) {
      return start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
    }
  }
}
