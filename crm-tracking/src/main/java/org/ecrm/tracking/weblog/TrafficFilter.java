package org.ecrm.tracking.weblog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.ecrm.tracking.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * Classifies log records into {@link TrafficClass}es: bots by user agent, static assets by extension,
 * errors and redirects by status, other methods.
 *
 * <p>Bots: by default the 1,500 patterns of the maintained
 * <a href="https://github.com/monperrus/crawler-user-agents">crawler-user-agents</a> list (MIT, version
 * 1.60.0, bundled as {@code crawler-user-agents.txt}), plus a Combined line whose user-agent field is
 * present but empty or {@code -} (no browser sends none; {@link Builder#emptyUserAgentIsBot} turns this
 * off). A Common line has no user-agent field at all, so it is never a bot by this rule.
 * Static assets: {@link #DEFAULT_STATIC_EXTENSIONS}, matched case-insensitively on the path without
 * its query. Results per distinct user agent are cached (bounded).
 *
 * <p>Immutable after build and thread-safe.
 */
public final class TrafficFilter {
  /** Default static-asset extensions. */
  public static final Set<String> DEFAULT_STATIC_EXTENSIONS = Set.of(
      "css", "js", "mjs", "map", "png", "jpg", "jpeg", "gif", "ico", "svg", "svgz", "webp", "avif", "bmp",
      "tif", "tiff", "woff", "woff2", "ttf", "otf", "eot", "swf", "flv", "mp3", "mp4", "m4a", "webm", "ogg",
      "wav", "avi", "mov", "mpeg", "mpg", "pdf", "zip", "gz", "tgz", "bz2", "xz", "7z", "rar", "exe",
      "dmg", "iso", "jar", "deb", "rpm", "txt", "csv");

  private static final int CACHE_LIMIT = 50_000;

  /** Patterns that are plain text once simple escapes are removed, indexed by their first two chars. */
  private final java.util.HashMap<Integer, String[]> literalBots = new java.util.HashMap<>();
  /** One-character plain patterns. */
  private final List<String> shortBots = new ArrayList<>();
  /** The other patterns, as one alternation. */
  private final Pattern bots;
  private final boolean emptyAgentIsBot;
  private final Set<String> staticExtensions;
  private final Set<String> pageMethods;
  private final ConcurrentHashMap<String, Boolean> botCache = new ConcurrentHashMap<>();

  private TrafficFilter(Builder b) {
    List<String> patterns = new ArrayList<>(b.botPatterns == null ? defaultBotPatterns() : b.botPatterns);
    patterns.addAll(b.extraBots);
    List<String> literals = new ArrayList<>();
    List<String> regexes = new ArrayList<>();
    for (String p : patterns) {
      String lit = literal(p);
      if (lit != null) {
        literals.add(lit);
      } else {
        regexes.add(p);
      }
    }
    java.util.HashMap<Integer, List<String>> index = new java.util.HashMap<>();
    for (String lit : literals) {
      if (lit.length() < 2) {
        shortBots.add(lit);
      } else {
        index.computeIfAbsent(lit.charAt(0) << 16 | lit.charAt(1), k -> new ArrayList<>()).add(lit);
      }
    }
    index.forEach((k, v) -> literalBots.put(k, v.toArray(new String[0])));
    this.bots = regexes.isEmpty() ? Pattern.compile("(?!)") : Pattern.compile(String.join("|", regexes));
    this.emptyAgentIsBot = b.emptyAgentIsBot;
    this.staticExtensions = Set.copyOf(b.staticExtensions);
    this.pageMethods = Set.copyOf(b.pageMethods);
  }

  /** A builder with the defaults described above. */
  public static Builder builder() {
    return new Builder();
  }

  /** The default filter (one shared instance, so its user-agent cache is shared too). */
  public static TrafficFilter defaults() {
    return Defaults.INSTANCE;
  }

  private static final class Defaults {
    static final TrafficFilter INSTANCE = builder().build();
  }

  /** The text a pattern matches if it is a plain string with only escaped punctuation, else null. */
  private static @Nullable String literal(String pattern) {
    StringBuilder sb = new StringBuilder(pattern.length());
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\') {
        if (i + 1 < pattern.length() && !Character.isLetterOrDigit(pattern.charAt(i + 1))) {
          sb.append(pattern.charAt(++i));
          continue;
        }
        return null;
      }
      if ("[](){}.*+?^$|".indexOf(c) >= 0) {
        return null;
      }
      sb.append(c);
    }
    return sb.length() == 0 ? null : sb.toString();
  }

  /** The bundled bot patterns (Java regular expressions). */
  public static List<String> defaultBotPatterns() {
    try (InputStream in = TrafficFilter.class.getResourceAsStream("crawler-user-agents.txt")) {
      if (in == null) {
        throw new IllegalStateException("crawler-user-agents.txt is missing from the jar");
      }
      List<String> out = new ArrayList<>();
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line);
        }
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Classifies one record. */
  public TrafficClass classify(LogRecord r) {
    if (r.hasUserAgentField() && isBot(r.userAgent())) {
      return TrafficClass.BOT;
    }
    if (isStatic(r.target())) {
      return TrafficClass.STATIC_ASSET;
    }
    int s = r.status();
    if (s >= 400) {
      return TrafficClass.ERROR_STATUS;
    }
    if (s < 200 || (s >= 300 && s != 304)) {
      return TrafficClass.REDIRECT;
    }
    if (!pageMethods.contains(r.method())) {
      return TrafficClass.OTHER_METHOD;
    }
    return TrafficClass.PAGE_VIEW;
  }

  /**
   * True if the user agent is a bot's. An empty string stands for a present but empty (or {@code -})
   * user-agent field: a bot if {@link Builder#emptyUserAgentIsBot} (the default).
   */
  public boolean isBot(String userAgent) {
    if (userAgent.isEmpty()) {
      return emptyAgentIsBot;
    }
    Boolean cached = botCache.get(userAgent);
    if (cached != null) {
      return cached;
    }
    boolean bot = matchesLiteral(userAgent);
    if (!bot) {
      bot = bots.matcher(userAgent).find();
    }
    if (botCache.size() >= CACHE_LIMIT) {
      botCache.clear();
    }
    botCache.put(userAgent, bot);
    return bot;
  }

  private boolean matchesLiteral(String ua) {
    for (String s : shortBots) {
      if (ua.contains(s)) {
        return true;
      }
    }
    for (int i = 0; i + 1 < ua.length(); i++) {
      String[] candidates = literalBots.get(ua.charAt(i) << 16 | ua.charAt(i + 1));
      if (candidates != null) {
        for (String lit : candidates) {
          if (ua.startsWith(lit, i)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** True if the target's path ends with a static-asset extension. */
  public boolean isStatic(String target) {
    int end = target.length();
    for (int i = 0; i < end; i++) {
      char c = target.charAt(i);
      if (c == '?' || c == '#') {
        end = i;
        break;
      }
    }
    int slash = target.lastIndexOf('/', end - 1);
    int dot = target.lastIndexOf('.', end - 1);
    if (dot < 0 || dot < slash || dot == end - 1 || end - dot > 8) {
      return false;
    }
    String ext = target.substring(dot + 1, end);
    return staticExtensions.contains(ext) || staticExtensions.contains(ext.toLowerCase(Locale.ROOT));
  }

  /** True if {@code ext} (without the dot) is a static-asset extension. */
  boolean isStaticExtension(String ext) {
    return staticExtensions.contains(ext) || staticExtensions.contains(ext.toLowerCase(Locale.ROOT));
  }

  /** True if requests with this method can be page views. */
  boolean isPageMethod(String method) {
    return pageMethods.contains(method);
  }

  /** Configures a {@link TrafficFilter}. Not thread-safe. */
  public static final class Builder {
    private @Nullable List<String> botPatterns;
    private final List<String> extraBots = new ArrayList<>();
    private boolean emptyAgentIsBot = true;
    private Set<String> staticExtensions = DEFAULT_STATIC_EXTENSIONS;
    private Set<String> pageMethods = Set.of("GET", "POST");
    private final Set<String> set = new HashSet<>();

    private Builder() {}

    /**
     * Replaces the bundled bot list.
     *
     * @throws IllegalArgumentException naming a pattern that is not a valid regular expression
     */
    public Builder botPatterns(List<String> patterns) {
      Checks.once(set, "botPatterns");
      this.botPatterns = checkPatterns(patterns);
      return this;
    }

    /**
     * Adds patterns to the bot list.
     *
     * @throws IllegalArgumentException naming a pattern that is not a valid regular expression
     */
    public Builder addBotPatterns(List<String> patterns) {
      extraBots.addAll(checkPatterns(patterns));
      return this;
    }

    /**
     * Whether a Combined line whose user-agent field is empty or {@code -} counts as a bot (true by
     * default). Common lines, which have no user-agent field, never count as bots by this rule.
     */
    public Builder emptyUserAgentIsBot(boolean value) {
      Checks.once(set, "emptyUserAgentIsBot");
      this.emptyAgentIsBot = value;
      return this;
    }

    /**
     * Replaces the static-asset extensions (without dots, lower case).
     *
     * @throws IllegalArgumentException naming a bad extension
     */
    public Builder staticExtensions(Set<String> extensions) {
      Checks.once(set, "staticExtensions");
      for (String e : extensions) {
        if (e.isBlank() || e.startsWith(".") || !e.equals(e.toLowerCase(Locale.ROOT))) {
          throw new IllegalArgumentException("staticExtensions must be lower case without a dot: \"" + e + "\"");
        }
      }
      this.staticExtensions = Set.copyOf(extensions);
      return this;
    }

    /**
     * The methods whose requests can be page views (GET and POST by default).
     *
     * @throws IllegalArgumentException if empty
     */
    public Builder pageViewMethods(Set<String> methods) {
      Checks.once(set, "pageViewMethods");
      if (methods.isEmpty()) {
        throw new IllegalArgumentException("pageViewMethods must not be empty");
      }
      this.pageMethods = Set.copyOf(methods);
      return this;
    }

    /** Builds the filter. */
    public TrafficFilter build() {
      return new TrafficFilter(this);
    }

    private static List<String> checkPatterns(List<String> patterns) {
      for (String p : patterns) {
        Objects.requireNonNull(p, "pattern");
        try {
          Pattern.compile(p);
        } catch (PatternSyntaxException e) {
          throw new IllegalArgumentException("bot pattern is not a regular expression: \"" + p + "\": "
              + e.getDescription());
        }
      }
      return List.copyOf(patterns);
    }
  }
}
