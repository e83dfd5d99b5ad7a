package org.ecrm.tracking.weblog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Consumer;
import org.ecrm.tracking.Campaign;
import org.ecrm.tracking.IpMasking;
import org.ecrm.tracking.weblog.internal.ByteInterner;
import org.ecrm.tracking.weblog.internal.LogLines;
import org.ecrm.tracking.weblog.internal.LogText;
import org.ecrm.tracking.session.Hit;
import org.ecrm.tracking.session.HitKind;

/**
 * The import loop: the same rules as {@link WebLogReader} + {@link TrafficFilter#classify}, but working
 * on byte offsets so that only page views become strings, and user agents are decoded and classified
 * once per distinct value. Not thread-safe: one per run.
 */
final class FastImport {
  private static final byte[] GET = "GET".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] HTTP = "HTTP/".getBytes(StandardCharsets.US_ASCII);

  private final WebLogReader reader;
  private final TrafficFilter filter;
  private final IpMasking masking;
  private final VisitorKey key;
  private final Consumer<Hit> hits;
  private final long futureLimitSecond;
  private final String futureRule;
  private final long[] counts;
  private long futureLines;
  private final Consumer<LogLineError> errors;
  private final ByteInterner agents = new ByteInterner(100_000);
  private final LogLineParser p;

  /**
   * @param hits receives each page view
   * @param futureLimit lines dated after this are rejected
   * @param futureRule how the limit was set, for the error message
   */
  FastImport(WebLogReader reader, TrafficFilter filter, IpMasking masking, VisitorKey key, Consumer<Hit> hits,
      Instant futureLimit, String futureRule, long[] counts, Consumer<LogLineError> errors) {
    this.reader = reader;
    this.filter = filter;
    this.masking = masking;
    this.key = key;
    this.hits = hits;
    this.futureLimitSecond = futureLimit.getEpochSecond();
    this.futureRule = futureRule;
    this.counts = counts;
    this.errors = errors;
    this.p = new LogLineParser(reader.format());
  }

  ReadStats run(InputStream in) {
    try {
      LogLines lines = new LogLines(WebLogReader.open(in), reader.maxLineBytes());
      long parsed = 0;
      long malformed = 0;
      while (lines.next()) {
        if (lines.tooLong()) {
          malformed++;
          errors.accept(new LogLineError(lines.lineNumber(), "line longer than " + reader.maxLineBytes() + " bytes",
              lines.excerpt()));
          continue;
        }
        byte[] b = lines.buffer();
        if (!p.scan(b, lines.from(), lines.to())) {
          malformed++;
          errors.accept(new LogLineError(lines.lineNumber(), p.error(), lines.excerpt()));
          continue;
        }
        parsed++;
        if (p.epochSecond > futureLimitSecond) {
          futureLines++;
          errors.accept(new LogLineError(lines.lineNumber(), "time " + Instant.ofEpochSecond(p.epochSecond)
              + " is too far in the future (" + futureRule + ")", lines.excerpt()));
          continue;
        }
        line(b, lines.from(), lines.to(), lines.lineNumber());
      }
      return new ReadStats(lines.lineNumber(), parsed, malformed, lines.bytesRead());
    } catch (IOException e) {
      throw new UncheckedIOException("web log read failed: " + e.getMessage(), e);
    }
  }

  private void line(byte[] b, int from, int to, long lineNumber) {
    if (p.reqEscaped) {
      slow(b, from, to, lineNumber);
      return;
    }
    String ua;
    byte f;
    if (p.combined) {
      ua = agents.intern(b, p.uaFrom, p.uaTo, p.uaEscaped);
      f = agents.flag();
      if (f == 0) {
        agents.flag(filter.isBot(ua));
        f = agents.flag();
      }
    } else {
      ua = ""; // a Common line: no user-agent field, not a bot by the empty-agent rule
      f = 1;
    }
    if (f == 2) {
      counts[TrafficClass.BOT.ordinal()]++;
      return;
    }
    // request = method SP target [SP HTTP/x]
    int rf = p.reqFrom;
    int rt = p.reqTo;
    int s1 = -1;
    for (int i = rf; i < rt; i++) {
      if (b[i] == ' ') {
        s1 = i;
        break;
      }
    }
    int tFrom;
    int tTo;
    if (s1 < 0) {
      tFrom = rf;
      tTo = (rt - rf == 1 && b[rf] == '-') ? rf : rt;
    } else {
      int s2 = s1;
      for (int i = rt - 1; i > s1; i--) {
        if (b[i] == ' ') {
          s2 = i;
          break;
        }
      }
      tFrom = s1 + 1;
      tTo = s2 > s1 && startsWith(b, s2 + 1, rt, HTTP) ? s2 : rt;
    }
    int pathEnd = tTo;
    boolean ascii = true;
    for (int i = tFrom; i < tTo; i++) {
      byte c = b[i];
      if (c < 0) {
        ascii = false;
      }
      if ((c == '?' || c == '#') && pathEnd == tTo) {
        pathEnd = i;
      }
    }
    if (!ascii) {
      slow(b, from, to, lineNumber);
      return;
    }
    if (isStatic(b, tFrom, pathEnd)) {
      counts[TrafficClass.STATIC_ASSET.ordinal()]++;
      return;
    }
    int s = p.status;
    if (s >= 400) {
      counts[TrafficClass.ERROR_STATUS.ordinal()]++;
      return;
    }
    if (s < 200 || (s >= 300 && s != 304)) {
      counts[TrafficClass.REDIRECT.ordinal()]++;
      return;
    }
    String method = s1 < 0 ? "" : (s1 - rf == 3 && startsWith(b, rf, s1, GET)) ? "GET"
        : LogText.text(b, rf, s1);
    if (!filter.isPageMethod(method)) {
      counts[TrafficClass.OTHER_METHOD.ordinal()]++;
      return;
    }
    counts[TrafficClass.PAGE_VIEW.ordinal()]++;
    String ip = LogText.text(b, p.ipFrom, p.ipTo);
    String path = LogText.text(b, tFrom, pathEnd);
    Campaign campaign = Campaign.NONE;
    if (pathEnd < tTo && contains(b, pathEnd, tTo, (byte) 'u', (byte) 't', (byte) 'm', (byte) '_')) {
      campaign = Campaign.fromUrl(LogText.text(b, tFrom, tTo));
    }
    hit(ip, ua, path, LogText.dashQuoted(b, p.refFrom, p.refTo, p.refEscaped), campaign);
  }

  private void hit(String rawIp, String ua, String path, String referrer, Campaign campaign) {
    String ip = masking.isNone() ? rawIp : masking.mask(rawIp);
    String visitor = key == VisitorKey.IP ? ip : ip + ' ' + ua;
    hits.accept(new Hit(visitor, Instant.ofEpochSecond(p.epochSecond), HitKind.PAGE_VIEW, path, referrer,
        campaign));
  }

  /** Parsed lines rejected as too far in the future. */
  long futureLines() {
    return futureLines;
  }

  /** The general path (escaped or non-ASCII request): build the record and classify it. */
  private void slow(byte[] b, int from, int to, long lineNumber) {
    LogRecord r = p.parse(b, from, to, lineNumber);
    if (r == null) {
      throw new IllegalStateException("line " + lineNumber + " scanned but did not parse: " + p.error());
    }
    TrafficClass c = filter.classify(r);
    counts[c.ordinal()]++;
    if (c == TrafficClass.PAGE_VIEW) {
      String target = r.target();
      hit(r.ip(), r.userAgent(), r.path(), r.referrer(),
          target.indexOf("utm_") >= 0 ? Campaign.fromUrl(target) : Campaign.NONE);
    }
  }

  private boolean isStatic(byte[] b, int from, int end) {
    int slash = -1;
    int dot = -1;
    for (int i = end - 1; i >= from; i--) {
      if (b[i] == '.' && dot < 0) {
        dot = i;
      } else if (b[i] == '/') {
        slash = i;
        break;
      }
    }
    if (dot < 0 || dot < slash || dot == end - 1 || end - dot > 8) {
      return false;
    }
    return filter.isStaticExtension(new String(b, dot + 1, end - dot - 1, StandardCharsets.ISO_8859_1));
  }

  private static boolean startsWith(byte[] b, int from, int to, byte[] prefix) {
    if (to - from < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (b[from + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean contains(byte[] b, int from, int to, byte c0, byte c1, byte c2, byte c3) {
    for (int i = from; i + 3 < to; i++) {
      if (b[i] == c0 && b[i + 1] == c1 && b[i + 2] == c2 && b[i + 3] == c3) {
        return true;
      }
    }
    return false;
  }
}
