package org.ecrm.core.jdbc;

import java.io.StringReader;
import java.util.Locale;
import org.ecrm.core.Crm;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.Interaction;
import org.ecrm.core.model.InteractionType;
import org.ecrm.core.model.LawfulBasis;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.Order;
import org.ecrm.core.spi.Storage;

/**
 * Erasure, whole-process, on each store: {@code n} customers imported ({@code c-0}, {@code c-1}, ...), then
 * for every fifth one an order of three lines, a consent and an interaction through the facade; then
 * {@code erase} of those customers erased one after another (after two unmeasured ones). Prints erasures
 * per second, milliseconds and bytes allocated per erasure (the erasing thread's allocation counter). The
 * erased ids are prefixes of many others ({@code c-5} of {@code c-50} to {@code c-5999}), as short ids are.
 * Not a test. Run from the repository root:
 *
 * <pre>
 * mvn -B -ntp -o -q -pl crm-core -am test-compile -Djacoco.skip
 * mvn -B -ntp -o -q -pl crm-core exec:exec -Dexec.skip=false -Dexec.executable=java \
 *   -Dexec.classpathScope=test "-Dexec.args=-Xmx3g -Dn=20000 -cp %classpath org.ecrm.core.jdbc.ErasureRun"
 * </pre>
 *
 * System properties: {@code -Dn=20000} customers, {@code -Derase=10} measured erasures,
 * {@code -Dstores=mem,h2,pg} which stores (H2 in memory, embedded PostgreSQL).
 */
public final class ErasureRun {
  private ErasureRun() { }

  /**
   * Runs every store.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    int n = Integer.getInteger("n", 20_000);
    int erase = Integer.getInteger("erase", 10);
    System.out.println("| store  | step                                         |       rows |       rows/s |  bytes/row |");
    System.out.println("|--------|----------------------------------------------|-----------:|-------------:|-----------:|");
    for (String store : System.getProperty("stores", "mem,h2,pg").split(",")) {
      try (Storage storage = switch (store) {
        case "mem" -> org.ecrm.core.memory.MemoryStorage.create();
        case "h2" -> H2Kit.newStorage();
        case "pg" -> PostgresKit.newStorage();
        default -> throw new IllegalArgumentException("stores: mem, h2 or pg, not " + store);
      }) {
        Crm crm = WritePathRun.crm(storage);
        crm.imports().run(WritePathRun.customerRequest(), new StringReader(WritePathRun.customersCsv(n, 0)));
        Money price = Money.of("9.99", "GBP");
        for (int i = 0; i < n; i += 5) {
          CustomerId id = CustomerId.of("c-" + i);
          crm.orders().place(Order.builder(id).line("S" + i % 101, 1, price).line("T" + i % 103, 2, price)
              .line("U" + i % 107, 3, price));
          crm.consents().grant(id, Channel.EMAIL, "newsletter", LawfulBasis.CONSENT, "bench");
          crm.interactions().record(Interaction.builder(id, Channel.EMAIL, InteractionType.CAMPAIGN_MESSAGE)
              .subject("hello"));
        }
        crm.privacy().erase(CustomerId.of("c-" + (n - 5))); // warm-up
        crm.privacy().erase(CustomerId.of("c-" + (n - 10)));
        WritePathRun.Step s = WritePathRun.measure(erase, () -> {
          for (int i = 0; i < erase; i++) {
            crm.privacy().erase(CustomerId.of("c-" + (i * 50L + 5) % n));
          }
        });
        WritePathRun.report(store, "privacy().erase, " + n + " customers", s);
        System.out.println(String.format(Locale.ROOT, "|        |   %.1f ms and %.1f MB allocated per erasure |",
            s.seconds() * 1_000 / erase, s.bytesPerRow() / 1e6));
      }
    }
  }
}
