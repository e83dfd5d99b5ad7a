package org.ecrm.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.LawfulBasis;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.Order;
import org.junit.jupiter.api.Test;

/**
 * The embedding snippet of the top-level README is this test's code: the test runs it and checks the
 * README still shows exactly these lines, so the snippet cannot rot.
 */
class ReadmeSnippetTest {

  @Test
  void snippet_runs() {
    // region embed
    Crm crm = Crm.builder().build();
    Customer ada = crm.customers().create(Customer.builder().name("Ada", "Lovelace").email("ada@example.com"));
    crm.orders().place(Order.builder(ada.id()).line("BOOK-1", 2, Money.of("12.50", "EUR")));
    crm.consents().grant(ada.id(), Channel.EMAIL, "newsletter", LawfulBasis.CONSENT, "signup-form");
    boolean mayEmail = crm.consents().canContact(ada.id(), Channel.EMAIL, "newsletter");
    // endregion embed
    assertThat(mayEmail).isTrue();
    assertThat(crm.orders().ofCustomer(ada.id())).singleElement()
        .satisfies(o -> assertThat(o.total()).isEqualTo(Money.of("25.00", "EUR")));
  }

  @Test
  void readme_showsTheSnippetVerbatim() throws IOException {
    String source = Files.readString(Path.of("src/test/java/org/ecrm/core/ReadmeSnippetTest.java"));
    String snippet = between(source, "// region embed\n", "// endregion embed").stripTrailing()
        .stripIndent();
    String readme = Files.readString(Path.of("../README.md"));
    String shown = between(readme, "<!-- snippet:embed -->\n```java\n", "```\n<!-- /snippet:embed -->").strip();
    assertThat(shown).isEqualTo(snippet);
  }

  private static String between(String text, String start, String end) {
    int from = text.indexOf(start);
    assertThat(from).as("marker %s", start).isNotNegative();
    int to = text.indexOf(end, from + start.length());
    assertThat(to).as("marker %s", end).isNotNegative();
    return text.substring(from + start.length(), to);
  }
}
