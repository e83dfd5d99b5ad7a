package org.ecrm.core.internal.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyListTest {
  /** A lazy list of fixed elements that counts how often it computes them. */
  private static final class Counting extends LazyList<String> {
    final AtomicInteger computed = new AtomicInteger();
    private final List<String> elements;

    Counting(String... elements) {
      super("Test.values");
      this.elements = Arrays.asList(elements);
    }

    @Override
    protected List<String> compute() {
      computed.incrementAndGet();
      return elements;
    }
  }

  @Test
  void computesOnFirstUse_once_andBehavesAsTheListItComputes() {
    Counting lazy = new Counting("a", "b");
    assertThat(lazy.computed).hasValue(0);
    assertThat(Checks.list("Test.values", lazy)).isSameAs(lazy); // kept, not copied (nor computed)
    assertThat(lazy.computed).hasValue(0);
    List<String> eager = List.of("a", "b");
    assertThat(lazy).isEqualTo(eager).hasSameHashCodeAs(eager);
    assertThat(eager).isEqualTo(lazy);
    assertThat(lazy.toString()).isEqualTo(new ArrayList<>(eager).toString());
    assertThat(lazy.get(1)).isEqualTo("b");
    assertThat(lazy.computed).hasValue(1);
    assertThatThrownBy(() -> lazy.add("c")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> lazy.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void aNullElement_isNamedWhenComputed() {
    Counting lazy = new Counting("a", null);
    assertThatThrownBy(lazy::size).isInstanceOf(NullPointerException.class)
        .hasMessage("Test.values[1] must not be null");
  }

  @Test
  void concurrentReaders_computeOnce_andAllSeeTheSameElements() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 200; round++) {
        Counting lazy = new Counting("x", "y", "z");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> seen = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          seen.add(pool.submit(() -> {
            start.await();
            return List.copyOf(lazy);
          }));
        }
        start.countDown();
        for (Future<List<String>> f : seen) {
          assertThat(f.get(10, TimeUnit.SECONDS)).containsExactly("x", "y", "z");
        }
        assertThat(lazy.computed).hasValue(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
