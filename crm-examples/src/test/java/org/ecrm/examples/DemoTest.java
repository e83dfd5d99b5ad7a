package org.ecrm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's first command runs this demo: it must run on the shipped data alone and tell the story. */
class DemoTest {

  @Test
  void demo_runsTheWholeLifeCycleOnTheShippedData() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Demo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out).contains("== 1. Collect", "== 2. Aggregate", "== 3. Interact")
        .contains("purchases: 25,000 rows")
        .contains("web log: 3,000 lines")
        .contains("RFM segments")
        .contains("Welcome back, Ada! (segment ")
        .contains("interests [home-decor")
        .containsPattern("Ada Lovelace +\\S.* -> EMAIL")
        .containsPattern("Bob Babbage +\\S.* -> SMS")
        .contains("may receive offers");
  }
}
