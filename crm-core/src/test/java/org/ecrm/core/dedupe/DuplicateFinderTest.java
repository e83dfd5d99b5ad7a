package org.ecrm.core.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.PostalAddress;
import org.junit.jupiter.api.Test;

/** Each match rule, the score, the builder and bad input. */
class DuplicateFinderTest {
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
  private static final DuplicateFinder ALL = DuplicateFinder.builder().build();

  static Customer.Builder c(String id, String given, String family) {
    return Customer.builder().id(id).name(given, family).createdAt(T).updatedAt(T);
  }

  static PostalAddress at(String postcode) {
    return PostalAddress.of("Main St 1", postcode, "Berlin", "DE");
  }

  @Test
  void find_sameEmailDifferentCaseAndSpace_matchesEmail() {
    List<DuplicateCandidate> found = ALL.find(Stream.of(
        c("b", "Ada", "Lovelace").email("ada@example.com").build(),
        c("a", "Grace", "Hopper").email("  ADA@Example.COM ").build()));
    assertThat(found).singleElement().satisfies(p -> {
      assertThat(p.first()).isEqualTo(CustomerId.of("a"));
      assertThat(p.second()).isEqualTo(CustomerId.of("b"));
      assertThat(p.rules()).containsExactly(MatchRule.EMAIL);
      assertThat(p.score()).isCloseTo(0.95, within(1e-12));
    });
  }

  @Test
  void find_samePhoneWrittenDifferently_matchesPhone() {
    List<DuplicateCandidate> found = ALL.find(Stream.of(
        c("a", "Ada", "Lovelace").phone("+49 (30) 1234-567").build(),
        c("b", "Bob", "Byron").phone("0049 30 1234567").build(),
        c("c", "Cy", "Clay").phone("030 1234567").build()));
    assertThat(found).extracting(DuplicateCandidate::first, DuplicateCandidate::second, DuplicateCandidate::rules)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(CustomerId.of("a"), CustomerId.of("b"),
            Set.of(MatchRule.PHONE)));
  }

  @Test
  void find_sameExternalIdentity_matchesExternalId() {
    List<DuplicateCandidate> found = ALL.find(Stream.of(
        c("a", "Ada", "Lovelace").externalId("shop", "42").build(),
        c("b", "", "").externalId("shop", "42").build(),
        c("c", "", "").externalId("web", "42").build()));
    assertThat(found).singleElement().satisfies(p -> {
      assertThat(p.rules()).containsExactly(MatchRule.EXTERNAL_ID);
      assertThat(p.nameSimilarity()).isZero();
    });
  }

  @Test
  void find_typoInNameAndSamePostcode_matchesNameAndPostcode() {
    List<DuplicateCandidate> found = ALL.find(Stream.of(
        c("a", "Jürgen", "Schmidt").address(at("10115")).build(),
        c("b", "Jurgen", "Schmitd").address(PostalAddress.of("Other 2", "101 15", "Berlin", "de")).build(),
        c("c", "Jürgen", "Schmidt").address(at("10117")).build(),
        c("d", "Karl", "Meier").address(at("10115")).build()));
    assertThat(found).singleElement().satisfies(p -> {
      assertThat(p.first()).isEqualTo(CustomerId.of("a"));
      assertThat(p.second()).isEqualTo(CustomerId.of("b"));
      assertThat(p.rules()).containsExactly(MatchRule.NAME_AND_POSTCODE);
      assertThat(p.nameSimilarity()).isGreaterThan(0.9).isLessThan(1.0);
      assertThat(p.score()).isCloseTo(0.8 * p.nameSimilarity(), within(1e-12));
    });
  }

  @Test
  void find_severalRules_areAllListedAndScoresCombine() {
    List<DuplicateCandidate> found = ALL.find(Stream.of(
        c("a", "Ada", "Lovelace").email("ada@example.com").phone("+44 20 7946 0000").address(at("10115")).build(),
        c("b", "Ada", "Lovelace").email("ada@example.com").phone("+44 20 7946 0000").address(at("10115")).build()));
    assertThat(found).singleElement().satisfies(p -> {
      assertThat(p.rules()).containsExactly(MatchRule.EMAIL, MatchRule.PHONE, MatchRule.NAME_AND_POSTCODE);
      assertThat(p.nameSimilarity()).isEqualTo(1.0);
      assertThat(p.score()).isCloseTo(1 - 0.05 * 0.4 * 0.2, within(1e-12));
    });
  }

  @Test
  void find_disabledRule_isNotApplied() {
    DuplicateFinder emailOnly = DuplicateFinder.builder().rules(MatchRule.EMAIL).build();
    assertThat(emailOnly.rules()).containsExactly(MatchRule.EMAIL);
    assertThat(emailOnly.find(Stream.of(
        c("a", "Ada", "Lovelace").phone("+49 30 1234567").address(at("10115")).build(),
        c("b", "Ada", "Lovelace").phone("+49 30 1234567").address(at("10115")).build()))).isEmpty();
  }

  @Test
  void find_unknownNamesOrNoPostcode_neverMatchByName() {
    assertThat(ALL.find(Stream.of(
        c("a", "", "").address(at("10115")).build(),
        c("b", "", "").address(at("10115")).build(),
        c("c", "Ada", "Lovelace").address(at("")).build(),
        c("d", "Ada", "Lovelace").address(at("")).build()))).isEmpty();
  }

  @Test
  void find_thresholdIsConfigurable() {
    Stream<Customer> s = Stream.of(c("a", "Jon", "Smith").address(at("1")).build(),
        c("b", "John", "Smyth").address(at("1")).build());
    assertThat(DuplicateFinder.builder().nameThreshold(0.99).build().find(s)).isEmpty();
    assertThat(DuplicateFinder.builder().nameThreshold(0.85).build().find(Stream.of(
        c("a", "Jon", "Smith").address(at("1")).build(), c("b", "John", "Smyth").address(at("1")).build())))
        .hasSize(1);
  }

  @Test
  void find_blockAboveMaxBlockSize_isSkipped() {
    DuplicateFinder small = DuplicateFinder.builder().maxBlockSize(2).build();
    assertThat(small.maxBlockSize()).isEqualTo(2);
    assertThat(small.find(Stream.of(c("a", "A", "A").phone("+49 30 1234567").build(),
        c("b", "B", "B").phone("+49 30 1234567").build(), c("c", "C", "C").phone("+49 30 1234567").build(),
        c("d", "D", "D").phone("+49 30 7654321").build(), c("e", "E", "E").phone("+49 30 7654321").build())))
        .extracting(p -> p.first() + "-" + p.second()).containsExactly("d-e");
  }

  @Test
  void find_resultIsSortedByIds() {
    List<DuplicateCandidate> found = ALL.find(Stream.of(
        c("z", "", "").email("x@example.com").build(), c("m", "", "").email("x@example.com").build(),
        c("b", "", "").email("y@example.com").build(), c("a", "", "").email("x@example.com").build(),
        c("c", "", "").email("y@example.com").build()));
    assertThat(found).extracting(p -> p.first() + "-" + p.second())
        .containsExactly("a-m", "a-z", "b-c", "m-z");
  }

  @Test
  void find_duplicateCustomerId_isRefused() {
    assertThatThrownBy(() -> ALL.find(Stream.of(c("a", "A", "B").build(), c("b", "A", "B").build(),
        c("a", "C", "D").build()))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("customers[2].id: duplicate customer id 'a'");
  }

  @Test
  void builder_badArguments_failNamingThem() {
    assertThatThrownBy(() -> DuplicateFinder.builder().nameThreshold(0.3))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("nameThreshold must be in 0.5..1: 0.3");
    assertThatThrownBy(() -> DuplicateFinder.builder().nameThreshold(Double.NaN))
        .hasMessage("nameThreshold must be in 0.5..1: NaN");
    assertThatThrownBy(() -> DuplicateFinder.builder().maxBlockSize(1))
        .hasMessage("maxBlockSize must be at least 2: 1");
    assertThatThrownBy(() -> DuplicateFinder.builder().rules())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("rules must not be empty");
    assertThatThrownBy(() -> DuplicateFinder.builder().rules(MatchRule.EMAIL, null))
        .isInstanceOf(NullPointerException.class).hasMessage("rules[1] must not be null");
    assertThatThrownBy(() -> DuplicateFinder.builder().nameThreshold(0.8).nameThreshold(0.9))
        .isInstanceOf(IllegalStateException.class).hasMessage("nameThreshold was already set to 0.8");
    assertThatThrownBy(() -> DuplicateFinder.builder().rules(MatchRule.EMAIL).rules(MatchRule.PHONE))
        .isInstanceOf(IllegalStateException.class).hasMessage("rules were already set to [EMAIL]");
    DuplicateFinder d = DuplicateFinder.builder().build();
    assertThat(d.rules()).containsExactly(MatchRule.values());
    assertThat(d.nameThreshold()).isEqualTo(0.9);
    assertThat(d.maxBlockSize()).isEqualTo(1000);
  }

  @Test
  void candidate_badFields_areRefused() {
    CustomerId a = CustomerId.of("a");
    CustomerId b = CustomerId.of("b");
    assertThatThrownBy(() -> new DuplicateCandidate(b, a, Set.of(MatchRule.EMAIL), 0, 0.95))
        .hasMessage("DuplicateCandidate.second: must be greater than first 'b' 'a'");
    assertThatThrownBy(() -> new DuplicateCandidate(a, b, Set.of(), 0, 0.95))
        .hasMessage("DuplicateCandidate.rules: must not be empty '[]'");
    assertThatThrownBy(() -> new DuplicateCandidate(a, b, Set.of(MatchRule.EMAIL), 0, 1.5))
        .hasMessage("DuplicateCandidate.score: must be in 0..1 '1.5'");
  }
}
