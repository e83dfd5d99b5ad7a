package org.ecrm.tracking;

import java.util.Objects;
import java.util.Optional;

/**
 * Where an event happened: the page, the browser, the network address, the locale and the campaign.
 * Immutable and thread-safe.
 *
 * @param pageUrl full page URL
 * @param pagePath URL path of the page
 * @param referrer the referring URL
 * @param title the page title
 * @param userAgent the browser's user-agent string
 * @param ip the client's IP address (possibly masked, see {@link IpMasking})
 * @param locale the client's locale tag, e.g. {@code "en-GB"}
 * @param campaign UTM parameters, {@link Campaign#NONE} if none
 * @param doNotTrack true if the client sent a Do-Not-Track signal
 */
public record EventContext(
    Optional<String> pageUrl,
    Optional<String> pagePath,
    Optional<String> referrer,
    Optional<String> title,
    Optional<String> userAgent,
    Optional<String> ip,
    Optional<String> locale,
    Campaign campaign,
    boolean doNotTrack) {

  /** A context with nothing in it. */
  public static final EventContext EMPTY = new EventContext(
      Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
      Optional.empty(), Optional.empty(), Campaign.NONE, false);

  /** Checks that no component is null. */
  public EventContext {
    Objects.requireNonNull(pageUrl, "context.page.url");
    Objects.requireNonNull(pagePath, "context.page.path");
    Objects.requireNonNull(referrer, "context.page.referrer");
    Objects.requireNonNull(title, "context.page.title");
    Objects.requireNonNull(userAgent, "context.userAgent");
    Objects.requireNonNull(ip, "context.ip");
    Objects.requireNonNull(locale, "context.locale");
    Objects.requireNonNull(campaign, "context.campaign");
  }

  /** A page context: URL, path, referrer (empty strings mean absent). */
  public static EventContext page(String url, String path, String referrer) {
    return EMPTY.withPage(url, path, referrer);
  }

  /** A copy with the page URL, path and referrer replaced (empty strings mean absent). */
  public EventContext withPage(String url, String path, String referrer) {
    return new EventContext(opt(url), opt(path), opt(referrer), title, userAgent, ip, locale,
        campaign.isEmpty() ? Campaign.fromUrl(url) : campaign, doNotTrack);
  }

  /** A copy with the title replaced (empty means absent). */
  public EventContext withTitle(String value) {
    return new EventContext(pageUrl, pagePath, referrer, opt(value), userAgent, ip, locale, campaign, doNotTrack);
  }

  /** A copy with the user agent replaced (empty means absent). */
  public EventContext withUserAgent(String value) {
    return new EventContext(pageUrl, pagePath, referrer, title, opt(value), ip, locale, campaign, doNotTrack);
  }

  /** A copy with the IP address replaced (empty means absent). */
  public EventContext withIp(String value) {
    return new EventContext(pageUrl, pagePath, referrer, title, userAgent, opt(value), locale, campaign, doNotTrack);
  }

  /** A copy with the locale replaced (empty means absent). */
  public EventContext withLocale(String value) {
    return new EventContext(pageUrl, pagePath, referrer, title, userAgent, ip, opt(value), campaign, doNotTrack);
  }

  /** A copy with the campaign replaced. */
  public EventContext withCampaign(Campaign value) {
    return new EventContext(pageUrl, pagePath, referrer, title, userAgent, ip, locale, value, doNotTrack);
  }

  /** A copy with the Do-Not-Track flag replaced. */
  public EventContext withDoNotTrack(boolean value) {
    return new EventContext(pageUrl, pagePath, referrer, title, userAgent, ip, locale, campaign, value);
  }

  private static Optional<String> opt(String s) {
    Objects.requireNonNull(s, "value");
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }
}
