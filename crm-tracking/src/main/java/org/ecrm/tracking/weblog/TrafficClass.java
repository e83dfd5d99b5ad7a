package org.ecrm.tracking.weblog;

/**
 * What a log line counts as. Rules apply in this order: bot, static asset, error status, redirect,
 * other method, page view. Immutable and thread-safe.
 */
public enum TrafficClass {
  /** The user agent matches the bot list: counted, never a page view. */
  BOT,
  /** The path ends with a static-asset extension: counted, not a page view. */
  STATIC_ASSET,
  /** Status 4xx or 5xx: counted, not a page view. */
  ERROR_STATUS,
  /** Status 1xx or 3xx other than 304 Not Modified: counted, not a page view. */
  REDIRECT,
  /** A method other than the page-view methods (GET, POST by default), or no method. */
  OTHER_METHOD,
  /** A human page view: status 2xx or 304, page-view method, not an asset, not a bot. */
  PAGE_VIEW
}
