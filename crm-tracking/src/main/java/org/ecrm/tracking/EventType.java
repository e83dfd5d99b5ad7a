package org.ecrm.tracking;

import java.util.Locale;

/**
 * The kinds of tracking event, as in the Segment spec. Immutable and thread-safe.
 */
public enum EventType {
  /** Who the user is, with traits in {@link TrackingEvent#properties()}. */
  IDENTIFY,
  /** A named action ({@link TrackingEvent#name()} is required) with properties. */
  TRACK,
  /** A web page view; the page is in {@link EventContext}. */
  PAGE,
  /** A mobile screen view; {@link TrackingEvent#name()} is the screen name. */
  SCREEN,
  /** Links a previous id ({@link TrackingEvent#previousId()}) to the user id. */
  ALIAS,
  /** Links the user to an account ({@link TrackingEvent#groupId()}). */
  GROUP;

  /** The lower-case JSON name, e.g. {@code "track"}. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a JSON name.
   *
   * @throws IllegalArgumentException naming the value if it is not one of the six types
   */
  public static EventType fromJson(String name) {
    for (EventType t : values()) {
      if (t.jsonName().equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "type must be one of identify, track, page, screen, alias, group: \"" + name + "\"");
  }
}
