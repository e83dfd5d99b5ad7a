package org.ecrm.core.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.ecrm.core.dedupe.internal.JaroWinkler;
import org.ecrm.core.dedupe.internal.MatchKeys;
import org.ecrm.core.model.PersonName;
import org.ecrm.core.model.PostalAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The similarity against published values (Winkler 1990; Wikipedia's examples) and the normalisation. */
class JaroWinklerTest {

  @ParameterizedTest
  @CsvSource({"MARTHA, MARHTA, 0.9611", "DWAYNE, DUANE, 0.84", "DIXON, DICKSONX, 0.8133",
      "abc, abc, 1.0", "abc, xyz, 0.0", "'', abc, 0.0", "a, a, 1.0", "CRATE, TRACE, 0.7333"})
  void similarity_knownValues(String a, String b, double expected) {
    assertThat(JaroWinkler.similarity(a, b)).isCloseTo(expected, within(1e-4));
    assertThat(JaroWinkler.similarity(b, a)).isCloseTo(expected, within(1e-4));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"  José  | O'Neil-Smith | jose o neil smith", "ADA|LOVELACE|ada lovelace",
      "|Müller|muller", "''|''|''"})
  void name_isNormalised(String given, String family, String expected) {
    assertThat(MatchKeys.name(PersonName.of(given == null ? "" : given, family == null ? "" : family)))
        .isEqualTo(expected == null ? "" : expected);
  }

  @ParameterizedTest
  @CsvSource({"SW1A 1AA, GB, GB:SW1A1AA", "sw1a-1aa, gb, GB:SW1A1AA", "'', DE, ''"})
  void postcode_isNormalised(String postcode, String country, String expected) {
    assertThat(MatchKeys.postcode(PostalAddress.of("1 Street", postcode == null ? "" : postcode, "Town", country)))
        .isEqualTo(expected == null ? "" : expected);
  }
}
