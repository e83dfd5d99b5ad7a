package org.ecrm.core.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.ecrm.core.dedupe.internal.JaroWinkler;
import org.ecrm.core.dedupe.internal.MatchKeys;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.PostalAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The blocked finder returns exactly the pairs, rules and scores of a naive all-pairs reference on
 * small seeded random sets with many collisions (few names, e-mails, phones, postcodes).
 */
class DuplicateFinderPropertyTest {
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
  private static final List<String> GIVEN = List.of("Ana", "Anna", "Ann", "Jon", "John", "Joan", "Łukasz", "");
  private static final List<String> FAMILY = List.of("Smith", "Smyth", "Schmidt", "Müller", "Mueller", "");

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 99, 2026})
  void find_equalsAllPairsReference(long seed) {
    Random rnd = new Random(seed);
    int n = 2 + rnd.nextInt(120);
    List<Customer> customers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Customer.Builder b = Customer.builder().id("c" + rnd.nextInt(1_000_000) + "-" + i)
          .name(GIVEN.get(rnd.nextInt(GIVEN.size())), FAMILY.get(rnd.nextInt(FAMILY.size())))
          .createdAt(T).updatedAt(T);
      for (int k = rnd.nextInt(3); k > 0; k--) {
        b.email("u" + rnd.nextInt(15) + "@example.com");
      }
      for (int k = rnd.nextInt(3); k > 0; k--) {
        b.phone("+49 30 100" + rnd.nextInt(15));
      }
      for (int k = rnd.nextInt(2); k > 0; k--) {
        b.externalId(rnd.nextBoolean() ? "web" : "shop", "x" + rnd.nextInt(10));
      }
      for (int k = rnd.nextInt(3); k > 0; k--) {
        b.address(PostalAddress.of("Street " + rnd.nextInt(5), rnd.nextInt(8) == 0 ? "" : "1000" + rnd.nextInt(4),
            "Town", rnd.nextBoolean() ? "DE" : "AT"));
      }
      customers.add(b.build());
    }
    EnumSet<MatchRule> rules = EnumSet.noneOf(MatchRule.class);
    for (MatchRule r : MatchRule.values()) {
      if (rnd.nextInt(4) > 0) {
        rules.add(r);
      }
    }
    if (rules.isEmpty()) {
      rules.add(MatchRule.NAME_AND_POSTCODE);
    }
    double threshold = 0.8 + rnd.nextInt(20) / 100.0;
    DuplicateFinder finder = DuplicateFinder.builder().rules(rules.toArray(MatchRule[]::new))
        .nameThreshold(threshold).maxBlockSize(100_000).build();

    List<DuplicateCandidate> blocked = finder.find(customers.stream());
    List<DuplicateCandidate> naive = allPairs(customers, rules, threshold);

    assertThat(blocked).extracting(c -> c.first() + "|" + c.second() + "|" + c.rules())
        .containsExactlyElementsOf(naive.stream().map(c -> c.first() + "|" + c.second() + "|" + c.rules()).toList());
    for (int i = 0; i < naive.size(); i++) {
      assertThat(blocked.get(i).score()).isCloseTo(naive.get(i).score(), within(1e-12));
      assertThat(blocked.get(i).nameSimilarity()).isCloseTo(naive.get(i).nameSimilarity(), within(1e-12));
    }
  }

  /** Every pair, every rule checked directly from the definitions. */
  private static List<DuplicateCandidate> allPairs(List<Customer> cs, Set<MatchRule> rules, double threshold) {
    List<DuplicateCandidate> out = new ArrayList<>();
    for (int i = 0; i < cs.size(); i++) {
      for (int j = i + 1; j < cs.size(); j++) {
        Customer a = cs.get(i).id().compareTo(cs.get(j).id()) < 0 ? cs.get(i) : cs.get(j);
        Customer b = a == cs.get(i) ? cs.get(j) : cs.get(i);
        EnumSet<MatchRule> m = EnumSet.noneOf(MatchRule.class);
        if (rules.contains(MatchRule.EMAIL) && a.emails().stream().anyMatch(b.emails()::contains)) {
          m.add(MatchRule.EMAIL);
        }
        if (rules.contains(MatchRule.PHONE) && a.phones().stream().anyMatch(p -> b.phones().stream()
            .anyMatch(q -> q.canonical().equals(p.canonical())))) {
          m.add(MatchRule.PHONE);
        }
        if (rules.contains(MatchRule.EXTERNAL_ID) && a.externalIds().stream().anyMatch(b.externalIds()::contains)) {
          m.add(MatchRule.EXTERNAL_ID);
        }
        String na = MatchKeys.name(a.name());
        String nb = MatchKeys.name(b.name());
        double sim = na.isEmpty() || nb.isEmpty() ? 0 : JaroWinkler.similarity(na, nb);
        boolean samePostcode = a.addresses().stream().anyMatch(x -> b.addresses().stream().anyMatch(y ->
            !MatchKeys.postcode(x).isEmpty() && MatchKeys.postcode(x).equals(MatchKeys.postcode(y))));
        if (rules.contains(MatchRule.NAME_AND_POSTCODE) && samePostcode && !na.isEmpty() && !nb.isEmpty()
            && sim >= threshold) {
          m.add(MatchRule.NAME_AND_POSTCODE);
        }
        if (!m.isEmpty()) {
          double miss = 1;
          for (MatchRule r : m) {
            miss *= 1 - (r == MatchRule.NAME_AND_POSTCODE ? r.weight() * sim : r.weight());
          }
          out.add(new DuplicateCandidate(a.id(), b.id(), m, sim, 1 - miss));
        }
      }
    }
    out.sort(null);
    return out;
  }
}
