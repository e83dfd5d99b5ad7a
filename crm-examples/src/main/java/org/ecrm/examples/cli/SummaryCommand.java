package org.ecrm.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ecrm.core.model.Money;
import org.ecrm.segmentation.BtydCustomer;
import org.ecrm.segmentation.CsvFormat;
import org.ecrm.segmentation.CustomerBaseSummary;
import org.ecrm.segmentation.PeriodUnit;
import org.ecrm.segmentation.TransactionSources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ecrm summary}: the BTYD customer-base summary of a transaction CSV, as CSV. */
@Command(name = "summary", mixinStandardHelpOptions = true,
    description = {"The BTYD customer-base summary (frequency, recency, T, monetary value per customer,",
        "as lifetimes' summary_data_from_transaction_data) of a transaction CSV, written as CSV."})
final class SummaryCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The transaction CSV (customer_id,date,amount).")
  Path file;

  @Option(names = "--currency", defaultValue = "USD", description = "Currency of the amounts (default: ${DEFAULT-VALUE}).")
  String currency;

  @Option(names = "--calibration-end", required = true, description = "Last day of the calibration period, yyyy-mm-dd.")
  LocalDate calibrationEnd;

  @Option(names = "--unit", defaultValue = "weeks", description = "days or weeks (default: ${DEFAULT-VALUE}).")
  String unit;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (!Files.isRegularFile(file)) {
      spec.commandLine().getErr().println("ecrm summary: " + file + ": no such file");
      return CrmCli.BAD_INPUT;
    }
    PeriodUnit u = switch (unit.toLowerCase(Locale.ROOT)) {
      case "days" -> PeriodUnit.DAYS;
      case "weeks" -> PeriodUnit.WEEKS;
      default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--unit must be days or weeks: " + unit);
    };
    CustomerBaseSummary.Result r = CustomerBaseSummary.builder().calibrationEnd(calibrationEnd).unit(u).build()
        .summarize(TransactionSources.csv(file, CsvFormat.defaults(Money.currency(currency))));
    out.println("customer_id,frequency,recency,T,monetary_value");
    for (BtydCustomer c : r.customers()) {
      out.printf(Locale.ROOT, "%d,%d,%.6f,%.6f,%s%n", c.customer(), c.frequency(), c.recency(), c.t(),
          c.monetaryValue().toPlainString());
    }
    out.flush();
    return CrmCli.OK;
  }
}
