package org.ecrm.segmentation.internal.util;

import org.ecrm.segmentation.internal.util.RadixSort;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The radix sort against the JDK's sorts on seeded random keys of every range. */
class RadixSortTest {

  static long[] keys(SplittableRandom rnd, int n, int range) {
    long[] k = new long[n];
    for (int i = 0; i < n; i++) {
      k[i] = switch (range) {
        case 0 -> 42L; // all equal
        case 1 -> rnd.nextLong(-3, 4); // tiny range around zero, negatives
        case 2 -> 1_000_000_000L + 10L * rnd.nextInt(100_000); // sparse ids
        case 3 -> rnd.nextLong(); // full 64-bit, signed
        default -> rnd.nextBoolean() ? Long.MIN_VALUE + rnd.nextInt(5) : Long.MAX_VALUE - rnd.nextInt(5);
      };
    }
    return k;
  }

  @ParameterizedTest(name = "n={0} range={1} seed={2}")
  @CsvSource({"0,3,1", "1,3,1", "2,1,2", "511,3,3", "512,3,3", "513,2,4", "5000,0,5", "5000,1,6", "50000,2,7",
      "50000,3,8", "70000,4,9", "200000,1,10"})
  void sortsLikeArraysSort(int n, int range, long seed) {
    long[] k = keys(new SplittableRandom(seed), n, range);
    long[] expected = k.clone();
    Arrays.sort(expected);

    RadixSort.sort(k, n);

    assertThat(k).containsExactly(expected);
  }

  @ParameterizedTest(name = "n={0} range={1} seed={2}")
  @CsvSource({"2,1,1", "600,1,2", "5000,3,3", "60000,1,4", "60000,2,5", "60000,4,6"})
  void payloadFollowsItsKeyAndEqualKeysKeepTheirOrder(int n, int range, long seed) {
    long[] k = keys(new SplittableRandom(seed), n, range);
    int[] payload = IntStream.range(0, n).toArray();
    Integer[] expected = IntStream.range(0, n).boxed().toArray(Integer[]::new);
    long[] original = k.clone();
    Arrays.sort(expected, Comparator.<Integer>comparingLong(i -> original[i]).thenComparingInt(i -> i));

    RadixSort.sort(k, payload, n);

    assertThat(Arrays.stream(payload).boxed().toArray(Integer[]::new)).containsExactly(expected);
    for (int i = 0; i < n; i++) {
      assertThat(k[i]).isEqualTo(original[payload[i]]);
    }
  }

  @ParameterizedTest(name = "sorts only the first {0} of 1000")
  @CsvSource({"0", "1", "700"})
  void leavesTheTailAlone(int n) {
    long[] k = keys(new SplittableRandom(11), 1000, 3);
    long[] tail = Arrays.copyOfRange(k, n, 1000);

    RadixSort.sort(k, n);

    assertThat(Arrays.copyOfRange(k, n, 1000)).containsExactly(tail);
    for (int i = 1; i < n; i++) {
      assertThat(k[i - 1]).isLessThanOrEqualTo(k[i]);
    }
  }
}
