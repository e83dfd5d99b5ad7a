package org.ecrm.tracking;

import java.util.Objects;

/**
 * Campaign (UTM) parameters of an event or session. An empty string means "not given";
 * {@link #NONE} has all five empty. Immutable and thread-safe.
 *
 * @param source utm_source
 * @param medium utm_medium
 * @param name utm_campaign
 * @param term utm_term
 * @param content utm_content
 */
public record Campaign(String source, String medium, String name, String term, String content) {
  /** No campaign. */
  public static final Campaign NONE = new Campaign("", "", "", "", "");

  /** Checks that no part is null; parts are stripped. */
  public Campaign {
    source = Objects.requireNonNull(source, "Campaign.source").strip();
    medium = Objects.requireNonNull(medium, "Campaign.medium").strip();
    name = Objects.requireNonNull(name, "Campaign.name").strip();
    term = Objects.requireNonNull(term, "Campaign.term").strip();
    content = Objects.requireNonNull(content, "Campaign.content").strip();
  }

  /** A campaign with source, medium and name only. */
  public static Campaign of(String source, String medium, String name) {
    return new Campaign(source, medium, name, "", "");
  }

  /** True if no part is given. */
  public boolean isEmpty() {
    return source.isEmpty() && medium.isEmpty() && name.isEmpty() && term.isEmpty() && content.isEmpty();
  }

  /**
   * Reads {@code utm_*} parameters from a URL's query string; {@link #NONE} if there are none.
   * Percent-escapes are decoded; a malformed escape is kept as written.
   */
  public static Campaign fromUrl(String url) {
    int q = url.indexOf('?');
    if (q < 0 || url.indexOf("utm_", q) < 0) {
      return NONE;
    }
    int end = url.indexOf('#', q);
    String query = url.substring(q + 1, end < 0 ? url.length() : end);
    String s = "", m = "", n = "", t = "", c = "";
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String key = pair.substring(0, eq);
      String value = decode(pair.substring(eq + 1));
      switch (key) {
        case "utm_source" -> s = value;
        case "utm_medium" -> m = value;
        case "utm_campaign" -> n = value;
        case "utm_term" -> t = value;
        case "utm_content" -> c = value;
        default -> { }
      }
    }
    Campaign campaign = new Campaign(s, m, n, t, c);
    return campaign.isEmpty() ? NONE : campaign;
  }

  private static String decode(String v) {
    try {
      return java.net.URLDecoder.decode(v, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return v;
    }
  }
}
