package org.ecrm.segmentation;

import org.ecrm.segmentation.engine.TransactionSource;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Currency;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** NTILE scores equal H2's {@code NTILE(n) OVER (ORDER BY metric, id)}: a real SQL engine as the oracle. */
class H2NtileTest {
  @ParameterizedTest(name = "{0} rows, seed {1}, {2} bins")
  @CsvSource({"20000, 42, 5", "3000, 7, 7", "13, 3, 5", "4, 1, 5", "2, 9, 100"})
  void scoresEqualSqlNtileOrderedByMetricThenCustomer(int rows, long seed, int bins) throws Exception {
    BenchData data = BenchData.generate(rows, seed);
    RfmResult result = RfmAnalysis.builder().asOf(data.asOf()).bins(bins).build()
        .run(TransactionSource.ofArrays(Currency.getInstance("USD"), data.customers, data.days, data.cents));
    int asOf = (int) data.asOf().toEpochDay();

    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:ntile" + seed + "_" + bins)) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE tx(id BIGINT, d INT, cents BIGINT)");
      }
      try (PreparedStatement p = c.prepareStatement("INSERT INTO tx VALUES (?, ?, ?)")) {
        for (int i = 0; i < rows; i++) {
          p.setLong(1, data.customers[i]);
          p.setInt(2, data.days[i]);
          p.setLong(3, data.cents[i]);
          p.addBatch();
        }
        p.executeBatch();
      }
      String sql = "WITH a AS (SELECT id, " + asOf + " - MAX(d) AS rec, COUNT(*) AS freq, SUM(cents) AS mon"
          + " FROM tx GROUP BY id) SELECT id,"
          + " NTILE(" + bins + ") OVER (ORDER BY rec DESC, id) AS r,"
          + " NTILE(" + bins + ") OVER (ORDER BY freq, id) AS f,"
          + " NTILE(" + bins + ") OVER (ORDER BY mon, id) AS m FROM a ORDER BY id";
      int row = 0;
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
        while (rs.next()) {
          assertThat(result.customer(row)).isEqualTo(rs.getLong(1));
          assertThat(new int[] {result.r(row), result.f(row), result.m(row)}).as("customer %d", rs.getLong(1))
              .containsExactly(rs.getInt(2), rs.getInt(3), rs.getInt(4));
          row++;
        }
      }
      assertThat(row).isEqualTo(result.size());
    }
  }

}
