package org.ecrm.examples.spark;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.ecrm.segmentation.BtydCustomer;
import org.ecrm.segmentation.CustomerBaseSummary;
import org.ecrm.segmentation.CustomerRfm;
import org.ecrm.segmentation.Dimension;
import org.ecrm.segmentation.Pareto;
import org.ecrm.segmentation.PeriodUnit;
import org.ecrm.segmentation.RfmAnalysis;
import org.ecrm.segmentation.RfmResult;
import org.ecrm.segmentation.SegmentSummary;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The Spark job (SPARK.md): {@code segment} scores a purchase CSV (RFM, segments, ABC class, optionally
 * the BTYD summary) and {@code sessions} sessionizes a web log; both write CSV or Parquet. Runs under
 * {@code spark-submit} (which sets the master) or locally ({@code --master}, default {@code local[*]}).
 */
@Command(name = "ecrm-spark", mixinStandardHelpOptions = true, version = "ecrm-spark 0.1.0-SNAPSHOT",
    description = "e-CRM segmentation and sessions on Apache Spark.",
    subcommands = {SparkJobs.Segment.class, SparkJobs.Sessions.class})
public final class SparkJobs implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new SparkJobs()).execute(args));
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: segment or sessions");
  }

  /** Options every job takes. */
  static class Common {
    @Option(names = "--output", required = true, description = "output directory (replaced)")
    Path output;

    @Option(names = "--format", defaultValue = "csv", description = "csv or parquet (default ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--master", description = "Spark master when not run by spark-submit (default local[*])")
    @Nullable String master;

    SparkSession session(String name) {
      SparkSession.Builder b = SparkSession.builder().appName(name);
      if (System.getProperty("spark.master") == null) {
        b.master(master == null ? "local[*]" : master);
      }
      return b.getOrCreate();
    }

    void write(Dataset<Row> rows, String name) {
      String f = format.toLowerCase(java.util.Locale.ROOT);
      if (!f.equals("csv") && !f.equals("parquet")) {
        throw new IllegalArgumentException("--format must be csv or parquet: " + format);
      }
      rows.write().mode(SaveMode.Overwrite).option("header", "true").format(f)
          .save(output.resolve(name).toString());
    }
  }

  /** {@code segment}: RFM scores, segments and ABC classes of a purchase CSV. */
  @Command(name = "segment", mixinStandardHelpOptions = true,
      description = "RFM scores, segments and ABC classes (and optionally the BTYD summary) of a CSV "
          + "customer_id,date,amount.")
  static final class Segment extends Common implements Callable<Integer> {
    @Option(names = "--input", required = true, description = "CSV file or directory: customer_id,date,amount")
    String input;

    @Option(names = "--currency", defaultValue = "EUR", description = "currency of the amounts (default ${DEFAULT-VALUE})")
    String currency;

    @Option(names = "--as-of", description = "analysis date (default: the day after the latest purchase)")
    @Nullable LocalDate asOf;

    @Option(names = "--bins", defaultValue = "5", description = "scores per dimension (default ${DEFAULT-VALUE})")
    int bins;

    @Option(names = "--btyd-calibration-end", description = "also write the BTYD summary with this calibration end")
    @Nullable LocalDate calibrationEnd;

    @Option(names = "--distributed", description = "score each customer where it lies against global cut points "
        + "(no per-customer state on the driver, for bases beyond one machine); leaves out the ABC class, which "
        + "needs the gathered result")
    boolean distributed;

    @Option(names = "--parts", defaultValue = "0", description = "customer-hash parts for --distributed "
        + "(default: spark.sql.shuffle.partitions)")
    int parts;

    @Override
    public Integer call() {
      SparkSession spark = session("ecrm-segment");
      try {
        Currency c = Currency.getInstance(currency);
        Dataset<Txn> txns = SparkSegmentation.readCsv(spark, input, c).cache();
        LocalDate date = asOf;
        if (date == null) {
          Row max = txns.agg(org.apache.spark.sql.functions.max("epochDay")).first();
          date = max.isNullAt(0) ? LocalDate.now(java.time.ZoneOffset.UTC) : LocalDate.ofEpochDay(max.getInt(0) + 1L);
        }
        RfmAnalysis analysis = RfmAnalysis.builder().asOf(date).currency(c).bins(bins).build();
        if (distributed) {
          if (parts < 0) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--parts must not be negative: " + parts);
          }
          int n = parts > 0 ? parts : Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions"));
          DistributedRfm d = SparkSegmentation.rfmDistributed(txns, analysis, n);
          write(d.customers().select("customer", "recencyDays", "frequency", "monetaryMinor", "r", "f", "m",
              "segment").toDF("customer", "recency_days", "frequency", "monetary_minor", "r", "f", "m", "segment"),
              "rfm");
          System.out.printf("as of %s: %d customers scored in %d parts (cut search: %d rounds)%n", date,
              d.cuts().customers(), n, d.searchRounds());
          for (Dimension dim : Dimension.values()) {
            System.out.printf("  %-9s thresholds %s%n", dim, d.cuts().thresholds(dim));
          }
          btyd(spark, txns, c, date);
          return 0;
        }
        RfmResult result = SparkSegmentation.rfm(txns, analysis);
        Pareto pareto = Pareto.of(result);
        List<Row> rows = new ArrayList<>(result.size());
        for (int i = 0; i < result.size(); i++) {
          CustomerRfm x = result.get(i);
          rows.add(RowFactory.create(x.customer(), x.recencyDays(), x.frequency(), x.monetaryMinor(), x.r(), x.f(),
              x.m(), result.segment(i), pareto.classAt(i).name()));
        }
        StructType schema = new StructType().add("customer", DataTypes.LongType).add("recency_days", DataTypes.IntegerType)
            .add("frequency", DataTypes.LongType).add("monetary_minor", DataTypes.LongType)
            .add("r", DataTypes.IntegerType).add("f", DataTypes.IntegerType).add("m", DataTypes.IntegerType)
            .add("segment", DataTypes.StringType).add("abc", DataTypes.StringType);
        write(spark.createDataFrame(rows, schema), "rfm");
        System.out.printf("as of %s: %d customers, Gini %.3f%n", date, result.size(), pareto.gini());
        for (SegmentSummary s : result.segments()) {
          System.out.printf("  %-22s %8d%n", s.segment(), s.customers());
        }
        btyd(spark, txns, c, date);
        return 0;
      } finally {
        spark.stop();
      }
    }

    /** Writes the BTYD summary when a calibration end was given. */
    private void btyd(SparkSession spark, Dataset<Txn> txns, Currency c, LocalDate date) {
      {
        LocalDate calibrationEnd = this.calibrationEnd;
        if (calibrationEnd != null) {
          CustomerBaseSummary.Result btyd = SparkSegmentation.btyd(txns, c, calibrationEnd, date, PeriodUnit.DAYS,
              Math.max(1, spark.sparkContext().defaultParallelism()));
          List<Row> b = new ArrayList<>(btyd.customers().size());
          for (BtydCustomer x : btyd.customers()) {
            b.add(RowFactory.create(x.customer(), x.frequency(), x.recency(), x.t(), x.monetaryValue().toPlainString(),
                x.frequencyHoldout(), x.monetaryValueHoldout().toPlainString()));
          }
          StructType bs = new StructType().add("customer", DataTypes.LongType).add("frequency", DataTypes.IntegerType)
              .add("recency", DataTypes.DoubleType).add("t", DataTypes.DoubleType)
              .add("monetary_value", DataTypes.StringType).add("frequency_holdout", DataTypes.IntegerType)
              .add("monetary_value_holdout", DataTypes.StringType);
          write(spark.createDataFrame(b, bs), "btyd");
          System.out.printf("BTYD summary: %d customers%n", btyd.customers().size());
        }
      }
    }
  }

  /** {@code sessions}: sessions of a Common/Combined web log. */
  @Command(name = "sessions", mixinStandardHelpOptions = true,
      description = "Sessions of a Common or Combined web log (30-minute timeout, 2 minutes allowed lateness).")
  static final class Sessions extends Common implements Callable<Integer> {
    @Option(names = "--input", required = true, description = "log file or directory")
    String input;

    @Override
    public Integer call() {
      SparkSession spark = session("ecrm-sessions");
      try {
        SparkSessions.Result r = SparkSessions.sessions(spark, input);
        Dataset<Row> rows = r.sessions().toDF();
        write(rows, "sessions");
        System.out.printf("%d page views, %d late, %d sessions%n", r.pageViews(), r.lateHits(),
            spark.read().format(format.toLowerCase(java.util.Locale.ROOT)).option("header", "true")
                .load(output.resolve("sessions").toString()).count());
        return 0;
      } finally {
        spark.stop();
      }
    }
  }
}
