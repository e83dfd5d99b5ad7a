package org.ecrm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecrm.examples.cli.CliTestSupport.TRANSACTIONS;
import static org.ecrm.examples.cli.CliTestSupport.gzip;
import static org.ecrm.examples.cli.CliTestSupport.run;
import static org.ecrm.examples.cli.CliTestSupport.utf8;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecrm.examples.cli.CliTestSupport.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One currency rule for every transaction command: from the file's currency column, else from the
 * required {@code --currency}; no built-in default.
 */
class CurrencyRuleTest {
  private static final String GBP = "customer_id,date,amount,currency\n1,2024-01-01,10.00,GBP\n"
      + "2,2024-01-03,5.00,GBP\n1,2024-01-08,30.00,GBP\n";

  @TempDir
  Path dir;

  private List<String[]> everyTransactionCommand(Path file) {
    return List.of(
        new String[] {"segment", file.toString()},
        new String[] {"summary", "--calibration-end", "2024-01-15", file.toString()},
        new String[] {"clv", "--calibration-end", "2024-01-15", file.toString()},
        new String[] {"report", "-o", dir.resolve("r.html").toString(), file.toString()});
  }

  @Test
  void withoutCurrencyColumn_everyCommandRequiresCurrency_exitTwoBeforeAnyOutput() throws Exception {
    Path file = dir.resolve("tx.csv");
    Files.writeString(file, TRANSACTIONS);
    for (String[] args : everyTransactionCommand(file)) {
      Run r = run(args);
      assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(CrmCli.USAGE);
      assertThat(r.err()).contains("--currency is required: " + file + " has no currency column");
      assertThat(r.out()).isEmpty();
    }
    assertThat(Files.exists(dir.resolve("r.html"))).isFalse();
    Run stdin = run(gzip(TRANSACTIONS), "segment", "-");
    assertThat(stdin.code()).isEqualTo(CrmCli.USAGE);
    assertThat(stdin.err()).contains("--currency is required: stdin has no currency column");
  }

  @Test
  void withCurrencyColumn_theDataSaysTheCurrency_forEveryCommand() throws Exception {
    Path file = dir.resolve("gbp.csv");
    Files.writeString(file, GBP);
    assertThat(run("segment", "--format", "json", file.toString()).json().get("currency").asString()).isEqualTo("GBP");
    assertThat(run(utf8(GBP), "summary", "--calibration-end", "2024-01-15", "--format", "json", "-").json()
        .get("currency").asString()).isEqualTo("GBP");
    Run report = run("report", "-o", dir.resolve("r.html").toString(), file.toString());
    assertThat(report.code()).as(report.err()).isZero();
    assertThat(Files.readString(dir.resolve("r.html"))).contains("GBP");
    assertThat(run("segment", "--currency", "GBP", file.toString()).code()).isZero();
  }

  @Test
  void currencyOptionContradictingTheData_orMixedCurrencies_exitOne() throws Exception {
    Path file = dir.resolve("gbp.csv");
    Files.writeString(file, GBP);
    Run wrong = run("segment", "--currency", "USD", file.toString());
    assertThat(wrong.code()).isEqualTo(CrmCli.BAD_INPUT);
    assertThat(wrong.err()).contains("the currency column says GBP, --currency says USD");
    Run mixed = run(utf8(GBP + "3,2024-01-04,1.00,EUR\n"), "summary", "--calibration-end", "2024-01-15", "-");
    assertThat(mixed.code()).isEqualTo(CrmCli.BAD_INPUT);
    assertThat(mixed.err()).contains("ecrm summary: stdin: ").contains("EUR");
  }

  @Test
  void anInvalidCodeInTheFirstRow_isRejected_andTheNextRowSaysTheCurrency() {
    String data = "customer_id,date,amount,currency\n1,2024-01-01,10.00,XX\n2,2024-01-03,5.00,JPY\n"
        + "3,2024-01-04,700,JPY\n";
    Run r = run(utf8(data), "segment", "--max-rejects", "1", "--format", "json", "-");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.json().get("currency").asString()).isEqualTo("JPY");
    assertThat(r.json().get("customers").size()).isEqualTo(2);
    assertThat(r.err()).contains("stdin:2: currency: unknown ISO 4217 currency code");
    Run none = run(utf8("customer_id,date,amount,currency\n1,2024-01-01,10.00,XX\n"), "segment", "-");
    assertThat(none.code()).isEqualTo(CrmCli.USAGE);
    assertThat(none.err()).contains("stdin has no valid code in its currency column");
  }
}
