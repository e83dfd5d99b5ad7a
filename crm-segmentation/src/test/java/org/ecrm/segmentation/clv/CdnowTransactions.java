package org.ecrm.segmentation.clv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * CDNOW_sample transactions turned into the BTYD calibration summary (in exact weeks, days / 7,
 * same-day purchases merged) and the holdout purchase counts. A test helper; the library's own summary
 * builder lives elsewhere.
 */
final class CdnowTransactions {
  static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
  static final LocalDate HOLDOUT_END = LocalDate.of(1998, 6, 30);

  /** One customer: calibration summary and purchase days in the holdout. */
  record Customer(String id, CustomerSummary calibration, int holdoutPurchases) {}

  private CdnowTransactions() {}

  /** All 2,357 customers, by sample id. */
  static List<Customer> load() {
    Map<String, TreeSet<LocalDate>> days = new TreeMap<>();
    Map<String, TreeMap<LocalDate, Double>> spend = new TreeMap<>();
    DateTimeFormatter f = DateTimeFormatter.BASIC_ISO_DATE;
    try (InputStream in = Objects.requireNonNull(
            CdnowTransactions.class.getResourceAsStream("CDNOW_sample.txt"), "CDNOW_sample.txt");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
      String line;
      while ((line = r.readLine()) != null) {
        String[] c = line.strip().split("\\s+");
        if (c.length != 5) {
          continue;
        }
        LocalDate d = LocalDate.parse(c[2], f);
        days.computeIfAbsent(c[1], k -> new TreeSet<>()).add(d);
        spend.computeIfAbsent(c[1], k -> new TreeMap<>()).merge(d, Double.parseDouble(c[4]), Double::sum);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Customer> out = new ArrayList<>();
    for (Map.Entry<String, TreeSet<LocalDate>> e : days.entrySet()) {
      TreeSet<LocalDate> all = e.getValue();
      LocalDate first = all.first();
      List<LocalDate> cal = new ArrayList<>(all.headSet(CALIBRATION_END, true));
      int holdout = all.subSet(CALIBRATION_END, false, HOLDOUT_END, true).size();
      double x = cal.size() - 1;
      double tx = ChronoUnit.DAYS.between(first, cal.get(cal.size() - 1)) / 7.0;
      double age = ChronoUnit.DAYS.between(first, CALIBRATION_END) / 7.0;
      double monetary = 0;
      TreeMap<LocalDate, Double> s = spend.get(e.getKey());
      for (int i = 1; i < cal.size(); i++) {
        monetary += s.get(cal.get(i)) / x;
      }
      out.add(new Customer(e.getKey(), new CustomerSummary(x, tx, age, monetary), holdout));
    }
    return List.copyOf(out);
  }

  /** Holdout length in weeks (1997-09-30 … 1998-06-30: 273 days = 39 weeks). */
  static double holdoutWeeks() {
    return ChronoUnit.DAYS.between(CALIBRATION_END, HOLDOUT_END) / 7.0;
  }
}
