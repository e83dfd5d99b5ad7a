package org.ecrm.examples.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ecrm.core.io.SafeText;
import org.ecrm.segmentation.BtydCustomer;
import org.ecrm.segmentation.CsvFormat;
import org.ecrm.segmentation.CustomerBaseSummary;
import org.ecrm.segmentation.PeriodUnit;
import org.ecrm.segmentation.TransactionSources;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ecrm summary}: the BTYD customer-base summary of a transaction CSV, as CSV. */
@Command(name = "summary", mixinStandardHelpOptions = true,
    description = {"The BTYD customer-base summary (frequency, recency, T, monetary value per customer,",
        "as lifetimes' summary_data_from_transaction_data) of a transaction CSV (plain or gzip), written as CSV.",
        "Rejected rows are counted by reason and listed (see --rejects); exit 1 when more were",
        "rejected than --max-rejects allows."})
final class SummaryCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The transaction CSV (customer_id,date,amount; ids are numbers or any text).")
  Path file;

  @Option(names = "--currency", defaultValue = "USD", description = "Currency of the amounts (default: ${DEFAULT-VALUE}).")
  String currency;

  @Option(names = "--calibration-end", required = true, description = "Last day of the calibration period, yyyy-mm-dd.")
  LocalDate calibrationEnd;

  @Option(names = "--unit", defaultValue = "weeks", description = "days or weeks (default: ${DEFAULT-VALUE}).")
  String unit;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the CSV to FILE (default: stdout).")
  @Nullable Path out;

  @Mixin
  ReadLimits limits;

  @Mixin
  Rejects rejects;

  @Override
  public Integer call() throws IOException {
    CommandLine cl = spec.commandLine();
    Currency cur = RfmInput.currency(cl, currency);
    PeriodUnit u = switch (unit.toLowerCase(Locale.ROOT)) {
      case "days" -> PeriodUnit.DAYS;
      case "weeks" -> PeriodUnit.WEEKS;
      default -> throw new CommandLine.ParameterException(cl, "--unit must be days or weeks: "
          + SafeText.abbreviate(unit));
    };
    limits.check(cl);
    rejects.check(cl);
    Outputs.refuseInput(cl, "--out", out, file);
    Outputs.refuseInput(cl, "--rejects", rejects.file, file, out);
    BadInputException.requireFile("summary", file);
    CustomerBaseSummary.Result r;
    try {
      r = CustomerBaseSummary.builder().calibrationEnd(calibrationEnd).unit(u).build()
          .summarize(TransactionSources.csv(file, limits.apply(CsvFormat.defaults(cur))));
    } catch (IllegalArgumentException e) {
      throw new BadInputException("summary: " + SafeText.abbreviate(file.toString()) + ": "
          + SafeText.abbreviate(String.valueOf(e.getMessage())));
    }
    rejects.addAll(file, r.rejections());
    Outputs.Body body = w -> {
      w.write("customer_id,frequency,recency,T,monetary_value\n");
      for (BtydCustomer c : r.customers()) {
        w.write(String.format(Locale.ROOT, "%s,%d,%.6f,%.6f,%s\n", SafeText.csvCell(c.customerId()), c.frequency(),
            c.recency(), c.t(),
            c.monetaryValue().toPlainString()));
      }
      w.flush();
    };
    if (out == null) {
      body.write(cl.getOut());
    } else {
      Outputs.write(out, body);
    }
    cl.getOut().flush();
    return rejects.finish("summary", cl.getErr());
  }
}
