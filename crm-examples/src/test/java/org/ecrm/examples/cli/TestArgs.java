package org.ecrm.examples.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Arguments for tests about something other than the currency: the transaction commands need the
 * currency of a file without a currency column, so {@code --currency EUR} is added after the command
 * name unless the arguments name a currency already. {@code CurrencyRuleTest} tests the rule itself.
 */
final class TestArgs {
  private static final Set<String> TRANSACTION_COMMANDS = Set.of("segment", "summary", "report", "clv");

  private TestArgs() {
  }

  static String[] withCurrency(String... args) {
    if (args.length == 0 || !TRANSACTION_COMMANDS.contains(args[0]) || List.of(args).contains("--currency")
        || List.of(args).contains("--help")) {
      return args;
    }
    List<String> out = new ArrayList<>(List.of(args));
    out.add(1, "--currency");
    out.add(2, "EUR");
    return out.toArray(String[]::new);
  }
}
