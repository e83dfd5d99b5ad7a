package org.ecrm.examples.cli;

import java.util.concurrent.Callable;
import org.ecrm.examples.Demo;
import picocli.CommandLine.Command;

/** {@code ecrm demo}: the life-cycle demo on the in-memory default. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Run the e-CRM life-cycle demo in memory.")
final class DemoCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    Demo.main(new String[0]);
    return CrmCli.OK;
  }
}
