package org.ecrm.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.ecrm.core.memory.MemoryStorage;
import org.ecrm.core.model.Customer;
import org.ecrm.core.spi.Storage;
import org.ecrm.core.spi.StorageProvider;
import org.junit.jupiter.api.Test;

/**
 * ServiceLoader discovery: {@code src/test/resources/META-INF/services} registers a provider that
 * fails to open, and two that work with different priorities.
 */
class StorageDiscoveryTest {

  @Test
  void build_withoutStorage_usesTheHighestPriorityProviderThatOpens() {
    try (Crm crm = Crm.builder().build()) {
      crm.customers().create(Customer.builder().id("x"));
      assertThat(HighPriorityProvider.opened.customers().count()).isEqualTo(1);
    }
  }

  @Test
  void build_withExplicitStorage_skipsDiscovery() {
    Storage mine = MemoryStorage.create();
    int before = HighPriorityProvider.openCount;
    Crm crm = Crm.builder().storage(mine).build();
    crm.customers().create(Customer.builder().id("y"));
    assertThat(mine.customers().count()).isEqualTo(1);
    assertThat(HighPriorityProvider.openCount).isEqualTo(before);
  }

  @Test
  void build_withDiscoveryOff_usesInMemory() {
    int before = HighPriorityProvider.openCount;
    Crm crm = Crm.builder().discoverStorage(false).build();
    assertThat(crm.customers().count()).isZero();
    assertThat(HighPriorityProvider.openCount).isEqualTo(before);
  }

  /** Works, priority 10: the one chosen. */
  public static final class HighPriorityProvider implements StorageProvider {
    static volatile Storage opened;
    static volatile int openCount;

    @Override
    public String name() {
      return "high";
    }

    @Override
    public int priority() {
      return 10;
    }

    @Override
    public Storage open() {
      openCount++;
      opened = MemoryStorage.create();
      return opened;
    }
  }

  /** Works, default priority: never chosen while the high one opens. */
  public static final class LowPriorityProvider implements StorageProvider {
    @Override
    public String name() {
      return "low";
    }

    @Override
    public Storage open() {
      throw new AssertionError("the low-priority provider must not be opened");
    }
  }

  /** Highest priority but fails to open: logged and skipped. */
  public static final class BrokenProvider implements StorageProvider {
    @Override
    public String name() {
      return "broken";
    }

    @Override
    public int priority() {
      return 100;
    }

    @Override
    public Storage open() {
      throw new IllegalStateException("database unreachable");
    }
  }
}
