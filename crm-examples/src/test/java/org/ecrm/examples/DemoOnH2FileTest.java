package org.ecrm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.ecrm.core.Crm;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.CustomerId;
import org.ecrm.examples.cli.CrmCli;
import org.ecrm.core.jdbc.JdbcStorage;
import org.ecrm.examples.jdbc.HikariStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --db jdbc:h2:…}: the demo keeps its CRM in an H2 file, and a second run finds the first's data. */
class DemoOnH2FileTest {
  @TempDir
  Path dir;

  private static String demo(String url) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Demo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), url);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void secondRun_findsTheFirstRunsData_andDoesNotImportAgain() {
    String url = "jdbc:h2:" + dir.resolve("crm-demo").toAbsolutePath();
    String first = demo(url);
    assertThat(first).contains("storage: H2 at " + url).contains("purchases: 25,000 rows")
        .contains("Welcome back, Ada!").doesNotContain("previous run");
    long customers;
    long orders;
    try (JdbcStorage storage = HikariStorage.open(url); Crm crm = Crm.builder().storage(storage).build()) {
      customers = crm.customers().count();
      orders = crm.orders().count();
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("-> ([\\d,]+) customers, ([\\d,]+) orders")
          .matcher(first);
      assertThat(m.find()).as(first).isTrue();
      assertThat(customers).isEqualTo(Long.parseLong(m.group(1).replace(",", ""))).isGreaterThan(600);
      assertThat(orders).isEqualTo(Long.parseLong(m.group(2).replace(",", ""))).isGreaterThan(500);
      assertThat(crm.customers().require(CustomerId.of("17850")).name().full()).isEqualTo("Ada Lovelace");
      assertThat(crm.consents().canContact(CustomerId.of("17850"), Channel.EMAIL, "offers")).isTrue();
      assertThat(crm.preferences().get(CustomerId.of("17850")).topics()).contains("home-decor");
    }

    String second = demo(url);
    assertThat(second).contains(String.format("found %,d customers and %,d orders from a previous run", customers,
        orders)).doesNotContain("purchases: 25,000 rows")
        .contains("Welcome back, Ada!").containsPattern("Ada Lovelace +\\S.* -> EMAIL")
        .containsPattern("Bob Babbage +\\S.* -> SMS");
    // the same story: everything after the collect step prints the same
    assertThat(second.substring(second.indexOf("== 2. Aggregate")))
        .isEqualTo(first.substring(first.indexOf("== 2. Aggregate")));
    try (JdbcStorage storage = HikariStorage.open(url); Crm crm = Crm.builder().storage(storage).build()) {
      assertThat(crm.customers().count()).isEqualTo(customers);
      assertThat(crm.orders().count()).isEqualTo(orders);
    }
  }

  @Test
  void ecrmDemo_takesTheDbOption_andABadUrlIsBadInput() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String url = "jdbc:h2:" + dir.resolve("cli-demo").toAbsolutePath();
    assertThat(CrmCli.run(new PrintWriter(out, true), new PrintWriter(err, true), "demo", "--db", url)).isZero();
    assertThat(out.toString()).contains("storage: H2 at " + url).contains("Welcome back, Ada!");
    assertThat(CrmCli.run(new PrintWriter(out, true), new PrintWriter(err, true), "demo", "--db",
        "jdbc:nosuchdb:x")).isEqualTo(CrmCli.BAD_INPUT);
    assertThat(err.toString()).contains("jdbc:nosuchdb:x");
  }
}
