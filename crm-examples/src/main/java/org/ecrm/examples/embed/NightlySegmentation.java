package org.ecrm.examples.embed;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.ecrm.core.Crm;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.segmentation.engine.CustomerKeys;
import org.ecrm.segmentation.CustomerRfm;
import org.ecrm.segmentation.RefundHandling;
import org.ecrm.segmentation.RfmAnalysis;
import org.ecrm.segmentation.RfmResult;
import org.ecrm.segmentation.TransactionSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A nightly segmentation job: reads the orders from a {@link Crm}, runs an {@link RfmAnalysis} as of
 * today, tags every scored customer with {@code rfm:<segment>} (replacing yesterday's tag) and writes
 * {@code segments-<date>.csv} into a directory, atomically. Scheduled once a day at a local time on a
 * {@link ScheduledExecutorService}; the {@link Clock} is injectable, so a test runs a cycle at a chosen
 * instant.
 *
 * <pre>{@code
 * NightlySegmentation job = new NightlySegmentation(crm, Currency.getInstance("EUR"), Path.of("out"), clock);
 * job.schedule(Executors.newSingleThreadScheduledExecutor(), LocalTime.of(2, 0));
 * }</pre>
 *
 * <p>Thread-safe: {@link #runOnce()} is synchronized, so a manual run and the scheduled one never overlap.
 */
public final class NightlySegmentation {
  /** The prefix of the segment tags this job writes. */
  public static final String TAG_PREFIX = "rfm:";

  private static final Logger LOG = LoggerFactory.getLogger(NightlySegmentation.class);

  private final Crm crm;
  private final Currency currency;
  private final Path outDir;
  private final Clock clock;
  private final ZoneId zone;

  /**
   * What one run did.
   *
   * @param asOf the analysis date
   * @param customers customers scored and tagged
   * @param retagged customers whose segment tag changed
   * @param csv the file written
   */
  public record Run(LocalDate asOf, int customers, int retagged, Path csv) {
  }

  /** A job over {@code crm}'s orders in {@code currency}, writing into {@code outDir}; days are taken in the clock's zone. */
  public NightlySegmentation(Crm crm, Currency currency, Path outDir, Clock clock) {
    this.crm = Objects.requireNonNull(crm, "NightlySegmentation.crm");
    this.currency = Objects.requireNonNull(currency, "NightlySegmentation.currency");
    this.outDir = Objects.requireNonNull(outDir, "NightlySegmentation.outDir");
    this.clock = Objects.requireNonNull(clock, "NightlySegmentation.clock");
    this.zone = clock.getZone();
  }

  /** The tag for a segment name: {@code "Can't Lose Them"} → {@code "rfm:can-t-lose-them"}. */
  public static String tagOf(String segment) {
    String slug = segment.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    return TAG_PREFIX + (slug.isEmpty() ? "unnamed" : slug);
  }

  /** Runs one cycle now (as of the clock's today; purchases of today count, as the day has begun). */
  public synchronized Run runOnce() {
    LocalDate asOf = LocalDate.now(clock);
    CustomerKeys keys = new CustomerKeys();
    RfmResult rfm = RfmAnalysis.builder().asOf(asOf.plusDays(1)).build()
        .run(TransactionSources.orders(crm, currency, zone, RefundHandling.NETTED, keys));
    int retagged = 0;
    Path csv = outDir.resolve("segments-" + asOf + ".csv");
    @Nullable Path tmp = null;
    try {
      Files.createDirectories(outDir);
      tmp = Files.createTempFile(outDir, ".segments-" + asOf + ".csv.", ".tmp");
      try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        w.write("customer_id,segment,r,f,m,recency_days,frequency,monetary\n");
        for (int row = 0; row < rfm.size(); row++) {
          CustomerRfm c = rfm.get(row);
          CustomerId id = keys.idOf(c.customer()).orElseThrow(
              () -> new IllegalStateException("no customer id for key " + c.customer()));
          String tag = tagOf(c.segment());
          Customer current = crm.customers().require(id);
          if (!current.hasTag(tag)) {
            String[] old = current.tags().stream().filter(t -> t.startsWith(TAG_PREFIX)).toArray(String[]::new);
            if (old.length > 0) {
              crm.customers().untag(id, old);
            }
            crm.customers().tag(id, tag);
            retagged++;
          }
          w.write(csv(id.value()) + "," + csv(c.segment()) + "," + c.r() + "," + c.f() + "," + c.m() + ","
              + c.recencyDays() + "," + c.frequency() + ","
              + java.math.BigDecimal.valueOf(c.monetaryMinor(), currency.getDefaultFractionDigits()).toPlainString()
              + "\n");
        }
      }
      Files.move(tmp, csv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      tmp = null;
    } catch (IOException e) {
      throw new UncheckedIOException("nightly segmentation: cannot write " + csv + ": " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException e) {
          LOG.warn("cannot delete {}: {}", tmp, e.getMessage());
        }
      }
    }
    LOG.info("segmented {} customers as of {}, {} retagged, wrote {}", rfm.size(), asOf, retagged, csv);
    return new Run(asOf, rfm.size(), retagged, csv);
  }

  /**
   * Schedules {@link #runOnce()} every day at {@code at} (in the clock's zone), first at the next such
   * time; a failed run is logged and the next day's still runs.
   */
  public ScheduledFuture<?> schedule(ScheduledExecutorService executor, LocalTime at) {
    return executor.scheduleAtFixedRate(() -> {
      try {
        runOnce();
      } catch (RuntimeException e) {
        LOG.error("nightly segmentation failed; next run tomorrow", e);
      }
    }, delayUntil(at).toMillis(), Duration.ofDays(1).toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The time from the clock's now to the next {@code at}. */
  public Duration delayUntil(LocalTime at) {
    ZonedDateTime now = ZonedDateTime.now(clock);
    ZonedDateTime next = now.with(at);
    if (!next.isAfter(now)) {
      next = next.plusDays(1);
    }
    return Duration.between(now, next);
  }

  /** A CSV cell, neutralised against formula injection (see {@link org.ecrm.core.io.SafeText#csvCell}). */
  private static String csv(String s) {
    return org.ecrm.core.io.SafeText.csvCell(s);
  }
}
