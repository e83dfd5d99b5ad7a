package org.ecrm.examples.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.ecrm.examples.Demo;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ecrm demo}: the life-cycle demo, in memory or on a database given by {@code --db}. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Runs the e-CRM life-cycle demo in memory, or on a database with --db. It prints a story "
        + "for people, so there is no --format."})
final class DemoCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--db", paramLabel = "JDBC_URL",
      description = "Keep the CRM in this database, e.g. jdbc:h2:./crm-demo; a second run finds the data "
          + "of the first.")
  @Nullable String db;

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() {
    common.check(spec.commandLine());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Ticker t = common.ticker(() -> "running the demo")) {
      Demo.run(out, db);
    } finally {
      spec.commandLine().getOut().print(bytes.toString(StandardCharsets.UTF_8));
      spec.commandLine().getOut().flush();
    }
    common.note("done in %.1f s", common.elapsedSeconds());
    return CrmCli.OK;
  }
}
