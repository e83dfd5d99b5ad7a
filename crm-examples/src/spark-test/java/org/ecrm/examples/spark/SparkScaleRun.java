package org.ecrm.examples.spark;

import java.time.LocalDate;
import java.util.Currency;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.ecrm.segmentation.RfmAnalysis;
import org.ecrm.segmentation.RfmResult;
import org.ecrm.segmentation.engine.TransactionSource;

/**
 * A one-off timing run (not a test): RFM of N synthetic rows on Spark with the given master, and the
 * same rows in one JVM for comparison. Arguments: rows, master, partitions. Run with exec:exec (SPARK.md).
 */
public final class SparkScaleRun {
  private SparkScaleRun() {
  }

  public static void main(String[] args) {
    int rows = Integer.parseInt(args[0]);
    String master = args[1];
    int partitions = Integer.parseInt(args[2]);
    Currency eur = Currency.getInstance("EUR");
    int customers = rows / 10;
    LocalDate asOf = LocalDate.ofEpochDay(SyntheticTransactions.FIRST_DAY + SyntheticTransactions.DAYS);
    RfmAnalysis analysis = RfmAnalysis.builder().asOf(asOf).currency(eur).build();
    SparkSession spark = SparkSession.builder().appName("scale").master(master)
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
    try {
      Dataset<Txn> ds = SyntheticTransactions.dataset(spark, rows, 42, customers).repartition(partitions).cache();
      long t0 = System.nanoTime();
      long n = ds.count();
      long t1 = System.nanoTime();
      RfmResult onSpark = SparkSegmentation.rfm(ds, analysis);
      long t2 = System.nanoTime();
      RfmResult again = SparkSegmentation.rfm(ds, analysis);
      long t3 = System.nanoTime();
      Dataset<Txn> byCustomer = ds.repartition(partitions, org.apache.spark.sql.functions.col("customer")).cache();
      byCustomer.count();
      long t3b = System.nanoTime();
      RfmResult keyed = SparkSegmentation.rfm(byCustomer, analysis);
      long t3c = System.nanoTime();
      DistributedRfm distributed = SparkSegmentation.rfmDistributed(ds, analysis, partitions);
      long scored = distributed.customers().count(); // runs the scoring job
      long t3d = System.nanoTime();
      DistributedRfm distributed2 = SparkSegmentation.rfmDistributed(ds, analysis, partitions);
      java.util.List<org.ecrm.segmentation.CustomerRfm> rows2 = distributed2.customers().collectAsList().stream()
          .map(RfmRow::toCustomerRfm).sorted(java.util.Comparator.comparingLong(
              org.ecrm.segmentation.CustomerRfm::customer)).toList();
      long t3e = System.nanoTime();
      SyntheticTransactions.Arrays a = SyntheticTransactions.arrays(rows, 42, customers);
      long t4 = System.nanoTime();
      RfmResult jvm = analysis.run(TransactionSource.ofArrays(eur, a.customers(), a.days(), a.amounts()));
      long t5 = System.nanoTime();
      boolean same = onSpark.stream().toList().equals(jvm.stream().toList()) && again.size() == jvm.size()
          && keyed.stream().toList().equals(jvm.stream().toList()) && scored == jvm.size()
          && rows2.equals(jvm.stream().toList());
      System.out.printf("[scale] master=%s rows=%d customers=%d partitions=%d generate+cache=%.1fs rfm=%.1fs "
          + "rfm(2nd)=%.1fs rfm(partitioned by customer)=%.1fs distributed(count)=%.1fs (%d search rounds) "
          + "distributed(collect)=%.1fs oneJvm=%.1fs identical=%s%n", master, n, jvm.size(),
          partitions, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t3c - t3b) / 1e9, (t3d - t3c) / 1e9,
          distributed.searchRounds(), (t3e - t3d) / 1e9, (t5 - t4) / 1e9, same);
    } finally {
      spark.stop();
    }
  }
}
