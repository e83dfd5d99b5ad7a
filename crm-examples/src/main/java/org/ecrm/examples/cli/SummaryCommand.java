package org.ecrm.examples.cli;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ecrm.core.io.SafeText;
import org.ecrm.segmentation.BtydCustomer;
import org.ecrm.segmentation.CustomerBaseSummary;
import org.ecrm.segmentation.PeriodUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.core.JsonGenerator;

/** {@code ecrm summary}: the BTYD customer-base summary of a transaction CSV. */
@Command(name = "summary", mixinStandardHelpOptions = true,
    description = {"Computes the BTYD customer-base summary of a transaction CSV: per customer the "
        + "frequency, recency, age T and mean repeat spend, as the lifetimes package defines them.",
        "Rejected rows are counted by reason and listed (see --rejects). The exit code is 1 when more rows "
        + "were rejected than --max-rejects allows."})
final class SummaryCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  TransactionInput input;

  @Mixin
  BtydOptions btyd;

  @Mixin
  OutputOptions output;

  @Mixin
  Rejects rejects;

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() throws IOException {
    CommandLine cl = spec.commandLine();
    common.check(cl);
    output.check(cl);
    input.checkInput(cl);
    PeriodUnit u = btyd.unit(cl);
    rejects.check(cl);
    Outputs.refuseInput(cl, "--out", output.out, input.file);
    Outputs.refuseInput(cl, "--rejects", rejects.file, input.file, output.out);
    Outputs.oneStdout(cl, "--out", output.target(), "--rejects", String.valueOf(rejects.file));
    CustomerBaseSummary.Result r;
    try (Ticker t = common.ticker(() -> "summarising " + SafeText.abbreviate(input.name(), 40))) {
      r = btyd.summarize(cl, "summary", input, rejects);
    }
    common.note("%s: %,d customers, %d first bought after %s, %.1f s", SafeText.abbreviate(input.name()),
        r.customers().size(), r.customersFirstAfterCalibration(), btyd.calibrationEnd, common.elapsedSeconds());
    output.write(cl, w -> {
      switch (output.format) {
        case TABLE -> {
          w.write(String.format(Locale.ROOT, "BTYD summary to %s in %s, %s, %,d customers%n",
              btyd.calibrationEnd, u.name().toLowerCase(Locale.ROOT), r.currency().getCurrencyCode(),
              r.customers().size()));
          w.write(String.format(Locale.ROOT, "%-20s %9s %10s %10s %16s%n", "customer", "frequency", "recency", "T",
              "monetary_value"));
          for (BtydCustomer c : r.customers()) {
            w.write(String.format(Locale.ROOT, "%-20s %9d %10.2f %10.2f %16s%n",
                SafeText.abbreviate(c.customerId(), 20), c.frequency(), c.recency(), c.t(),
                c.monetaryValue().toPlainString()));
          }
        }
        case CSV -> {
          w.write("customer_id,frequency,recency,T,monetary_value\n");
          for (BtydCustomer c : r.customers()) {
            w.write(SafeText.csvCell(c.customerId()) + String.format(Locale.ROOT, ",%d,%.6f,%.6f,%s\n",
                c.frequency(), c.recency(), c.t(), c.monetaryValue().toPlainString()));
          }
        }
        case JSON -> {
          try (JsonGenerator g = Json.generator(w)) {
            g.writeStartObject();
            g.writeStringProperty("calibrationEnd", btyd.calibrationEnd.toString());
            g.writeStringProperty("unit", u.name().toLowerCase(Locale.ROOT));
            g.writeStringProperty("currency", r.currency().getCurrencyCode());
            g.writeNumberProperty("customersFirstAfterCalibration", r.customersFirstAfterCalibration());
            g.writeNumberProperty("transactionsAfterEnd", r.transactionsAfterEnd());
            g.writeArrayPropertyStart("customers");
            for (BtydCustomer c : r.customers()) {
              g.writeStartObject();
              g.writeStringProperty("customer_id", c.customerId());
              g.writeNumberProperty("frequency", c.frequency());
              Json.number(g, "recency", c.recency());
              Json.number(g, "T", c.t());
              Json.decimal(g, "monetary_value", c.monetaryValue());
              g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
          }
          w.write("\n");
        }
      }
    });
    return rejects.finish("summary", cl.getErr());
  }

  /** The calibration end and time unit of a customer-base summary, shared by {@code summary} and {@code clv}. */
  static final class BtydOptions {
    @Option(names = "--calibration-end", paramLabel = "DATE", required = true,
        description = "Last day of the calibration period, yyyy-mm-dd; later transactions are left out.")
    LocalDate calibrationEnd;

    @Option(names = "--unit", paramLabel = "UNIT", defaultValue = "weeks",
        description = "Time unit of recency and T: days or weeks (default: ${DEFAULT-VALUE}).")
    String unit;

    /** The unit, else a usage error. */
    PeriodUnit unit(CommandLine cl) {
      return switch (unit.toLowerCase(Locale.ROOT)) {
        case "days" -> PeriodUnit.DAYS;
        case "weeks" -> PeriodUnit.WEEKS;
        default -> throw new CommandLine.ParameterException(cl, "--unit must be days or weeks: "
            + SafeText.abbreviate(unit));
      };
    }

    /** Summarises the input; rejected rows go to {@code rejects}. */
    CustomerBaseSummary.Result summarize(CommandLine cl, String command, TransactionInput input, Rejects rejects) {
      CustomerBaseSummary.Result r;
      try {
        r = CustomerBaseSummary.builder().calibrationEnd(calibrationEnd).unit(unit(cl)).build()
            .summarize(input.source(cl, command));
      } catch (IllegalArgumentException e) { // a MixedCurrencyException too
        throw input.error(command, e);
      }
      rejects.addAll(input.name(), r.rejections());
      return r;
    }
  }
}
