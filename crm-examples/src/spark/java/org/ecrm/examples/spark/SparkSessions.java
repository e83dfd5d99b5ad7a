package org.ecrm.examples.spark;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.ecrm.tracking.Campaign;
import org.ecrm.tracking.session.Hit;
import org.ecrm.tracking.session.HitKind;
import org.ecrm.tracking.session.InMemorySessionSink;
import org.ecrm.tracking.session.Session;
import org.ecrm.tracking.session.SessionSink;
import org.ecrm.tracking.session.Sessionizer;
import org.ecrm.tracking.weblog.LogRecord;
import org.ecrm.tracking.weblog.TrafficClass;
import org.ecrm.tracking.weblog.TrafficFilter;
import org.ecrm.tracking.weblog.WebLogImport;
import org.ecrm.tracking.weblog.WebLogReader;

/**
 * Web-log sessions on Spark, equal to {@link WebLogImport} with its defaults (Combined/Common log,
 * {@link TrafficFilter#defaults()}, visitor = IP and user agent, no IP masking, 30-minute timeout,
 * {@link WebLogImport#DEFAULT_ALLOWED_LATENESS}) in one JVM:
 *
 * <ol>
 *   <li>lines are numbered in file order, parsed by the library's {@link WebLogReader} and classified by
 *       {@link TrafficFilter}; page views become hits;
 *   <li>late hits are found exactly as the one-JVM {@link Sessionizer} finds them: a hit is late when it is
 *       older than the latest earlier hit (in file order) minus the allowed lateness. That running maximum
 *       is global, so each partition's maximum is collected (one number a partition), turned into a
 *       prefix maximum on the driver and broadcast; each partition then continues it from its prefix;
 *   <li>the other hits are grouped by visitor ({@code groupByKey} + {@code flatMapGroups}), sorted by
 *       (time, line) within the visitor and fed to a library {@link Sessionizer} per visitor.
 * </ol>
 *
 * <p>Stateless and thread-safe.
 */
public final class SparkSessions {
  private SparkSessions() {
  }

  /** The sessions and the counts of one run. */
  public record Result(Dataset<SessionRow> sessions, long pageViews, long lateHits) {
  }

  /** Sessions of the log file(s) at {@code path} with the default timeout and lateness. */
  public static Result sessions(SparkSession spark, String path) {
    return sessions(spark, path, Duration.ofMinutes(30), WebLogImport.DEFAULT_ALLOWED_LATENESS);
  }

  /** Sessions of the log file(s) at {@code path}. */
  public static Result sessions(SparkSession spark, String path, Duration timeout, Duration allowedLateness) {
    Objects.requireNonNull(path, "path");
    long latenessMillis = allowedLateness.toMillis();
    long timeoutMillis = timeout.toMillis();
    JavaRDD<HitRow> hits = spark.read().textFile(path).javaRDD().zipWithIndex()
        .mapPartitions(it -> {
          WebLogReader reader = WebLogReader.builder().build();
          TrafficFilter filter = TrafficFilter.defaults();
          List<HitRow> out = new ArrayList<>();
          while (it.hasNext()) {
            var e = it.next();
            long line = e._2() + 1;
            reader.read(new ByteArrayInputStream(e._1().getBytes(StandardCharsets.UTF_8)),
                r -> {
                  if (filter.classify(r) == TrafficClass.PAGE_VIEW) {
                    out.add(hit(r, line));
                  }
                }, err -> { });
          }
          return out.iterator();
        }, true)
        .persist(StorageLevel.MEMORY_AND_DISK());
    // the running maximum of hit times in file order: per partition, then prefixes on the driver
    List<Long> partMax = hits.mapPartitions(it -> {
      long max = Long.MIN_VALUE;
      while (it.hasNext()) {
        max = Math.max(max, it.next().getMillis());
      }
      return List.of(max).iterator();
    }, true).collect();
    long[] before = new long[partMax.size()];
    long running = Long.MIN_VALUE;
    for (int p = 0; p < before.length; p++) {
      before[p] = running;
      running = Math.max(running, partMax.get(p));
    }
    Broadcast<long[]> prefix = spark.sparkContext().broadcast(before, scala.reflect.ClassTag$.MODULE$.apply(
        long[].class));
    JavaRDD<HitRow> timely = hits.mapPartitionsWithIndex((p, it) -> {
      long max = prefix.value()[p];
      List<HitRow> out = new ArrayList<>();
      while (it.hasNext()) {
        HitRow h = it.next();
        long t = h.getMillis();
        if (max != Long.MIN_VALUE && t < max - latenessMillis) {
          continue; // late, as the one-JVM sessionizer counts it
        }
        max = Math.max(max, t);
        out.add(h);
      }
      return out.iterator();
    }, true).persist(StorageLevel.MEMORY_AND_DISK());
    long pageViews = hits.count();
    long late = pageViews - timely.count();
    Dataset<SessionRow> sessions = spark.createDataset(timely.rdd(), Encoders.bean(HitRow.class))
        .groupByKey((MapFunction<HitRow, String>) HitRow::getVisitor, Encoders.STRING())
        .flatMapGroups((FlatMapGroupsFunction<String, HitRow, SessionRow>) (visitor, it) -> sessionize(it,
            timeoutMillis), Encoders.bean(SessionRow.class));
    return new Result(sessions, pageViews, late);
  }

  private static HitRow hit(LogRecord r, long line) {
    String target = r.target();
    return new HitRow(r.ip() + ' ' + r.userAgent(), r.time().toEpochMilli(), r.path(), r.referrer(),
        target.contains("utm_") ? target : "", line);
  }

  /** One visitor's hits, sorted by (time, line), through a library sessionizer. */
  static Iterator<SessionRow> sessionize(Iterator<HitRow> it, long timeoutMillis) {
    List<HitRow> rows = new ArrayList<>();
    it.forEachRemaining(h -> rows.add(copy(h)));
    rows.sort(Comparator.comparingLong(HitRow::getMillis).thenComparingLong(HitRow::getLine));
    InMemorySessionSink sink = SessionSink.inMemory();
    Sessionizer s = Sessionizer.builder().sessionTimeout(Duration.ofMillis(timeoutMillis)).sink(sink).build();
    for (HitRow h : rows) {
      s.accept(new Hit(h.getVisitor(), Instant.ofEpochMilli(h.getMillis()), HitKind.PAGE_VIEW, h.getPath(),
          h.getReferrer(), h.getCampaignTarget().isEmpty() ? Campaign.NONE : Campaign.fromUrl(h.getCampaignTarget())));
    }
    s.finish();
    List<SessionRow> out = new ArrayList<>();
    for (Session x : sink.sessions()) {
      out.add(SessionRow.of(x));
    }
    return out.iterator();
  }

  private static HitRow copy(HitRow h) {
    // Spark may reuse the object it hands to the iterator
    return new HitRow(h.getVisitor(), h.getMillis(), h.getPath(), h.getReferrer(), h.getCampaignTarget(),
        h.getLine());
  }
}
