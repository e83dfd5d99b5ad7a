package org.ecrm.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ecrm.core.Crm;
import org.ecrm.core.memory.MemoryStorage;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerFilter;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.IdGenerator;
import org.ecrm.core.model.LawfulBasis;
import org.ecrm.core.model.Page;
import org.junit.jupiter.api.Test;

/**
 * Stores whose scans return fewer records than asked for (the SPI promises "up to {@code limit}": a store
 * that pages by a smaller size of its own): listing pages, streams and the archive export still see every
 * record, because only an empty page ends a scan.
 */
class ShortPagesTest {
  private static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");
  private static final int CAP = 7;

  /** Every store of {@code inner}, its scans handing out at most {@value #CAP} records each. */
  private static Storage capped(Storage inner) {
    return new ForwardingStorage(inner) {
      @Override
      protected <S> S wrap(Class<S> type, S store) {
        return type.cast(Proxy.newProxyInstance(ShortPagesTest.class.getClassLoader(), new Class<?>[] {type},
            (p, m, a) -> {
              if (m.getName().startsWith("scan") && a != null && a[a.length - 1] instanceof Integer limit) {
                a[a.length - 1] = Math.min(limit, CAP);
              }
              try {
                return m.invoke(store, a);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            }));
      }
    };
  }

  @Test
  void pagesStreamsAndTheArchive_seeEveryRecord_ofAStoreThatPagesByLess() {
    Storage inner = MemoryStorage.create();
    Crm crm = Crm.builder().storage(capped(inner)).clock(Clock.fixed(T0, ZoneOffset.UTC))
        .idGenerator(IdGenerator.sequential()).build();
    for (int i = 0; i < 40; i++) {
      crm.customers().create(Customer.builder().id(String.format("c-%02d", i)).name("Given" + i, "Family"));
      if (i % 2 == 0) {
        crm.consents().grant(CustomerId.of(String.format("c-%02d", i)), Channel.EMAIL, "news", LawfulBasis.CONSENT,
            "signup");
      }
    }

    List<String> listed = new ArrayList<>();
    String cursor = "";
    int pages = 0;
    do {
      Page<Customer> page = crm.customers().list(CustomerFilter.all(), 25, cursor);
      page.items().forEach(c -> listed.add(c.id().value()));
      cursor = page.nextCursor().orElse(null);
      pages++;
    } while (cursor != null);
    assertThat(listed).hasSize(40).doesNotHaveDuplicates().isSorted();
    assertThat(pages).isEqualTo(2);
    assertThat(crm.customers().stream(CustomerFilter.all())).hasSize(40);

    var summary = crm.archive().exportAll(new StringWriter());
    assertThat(summary.counts()).containsEntry("customer", 40L).containsEntry("consent", 20L)
        .containsEntry("audit", (long) inner.audit().scan(0, 10_000).size());
    assertThat(summary.counts().get("audit")).isGreaterThanOrEqualTo(60L);
  }

  @Test
  void aFullLastPage_hasNoNextCursor_andAnEmptyStore_listsNothing() {
    Crm crm = Crm.builder().storage(capped(MemoryStorage.create())).clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
    assertThat(crm.customers().list(CustomerFilter.all(), 10, "").items()).isEmpty();
    for (int i = 0; i < 10; i++) {
      crm.customers().create(Customer.builder().id("c-" + i).name("Given", "Family"));
    }
    Page<Customer> page = crm.customers().list(CustomerFilter.all(), 10, "");
    assertThat(page.items()).hasSize(10);
    assertThat(page.nextCursor()).isEqualTo(Optional.empty());
  }
}
