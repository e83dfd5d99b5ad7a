package org.ecrm.core.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.CustomerId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Aggregation per question, checked by hand and against a naive reference on seeded random responses. */
class AnswerStatisticsTest {
  static final Questionnaire Q = Questionnaire.of("survey", "Survey", 1,
      Question.singleChoice("colour", "Colour?", "red", "green", "blue").optional(),
      Question.multipleChoice("interests", "Interests?", "a", "b", "c", "d").optional(),
      Question.scale("sat", "Satisfaction?", 1, 5).optional(),
      Question.nps("nps", "Recommend?").optional(),
      Question.number("spend", "Spend?", 0, 1000).optional(),
      Question.freeText("comment", "Comment?", 50).optional(),
      Question.yesNo("news", "Newsletter?").optional());

  static Response r(int i, Map<String, Answer> answers) {
    return Response.of(Q, CustomerId.of("c" + i), Instant.EPOCH.plusSeconds(i), Channel.WEB, answers);
  }

  @Test
  void of_smallExample_byHand() {
    List<Response> rs = List.of(
        r(1, Map.of("nps", Answer.scale(10), "colour", Answer.choice("red"), "news", Answer.yesNo(true))),
        r(2, Map.of("nps", Answer.scale(9), "colour", Answer.choice("red"), "sat", Answer.scale(2))),
        r(3, Map.of("nps", Answer.scale(7), "interests", Answer.choices("a", "c"), "sat", Answer.scale(5))),
        r(4, Map.of("nps", Answer.scale(0), "interests", Answer.choices("c"), "news", Answer.yesNo(false),
            "sat", Answer.scale(3), "spend", Answer.number(12.5))));
    AnswerStatistics s = AnswerStatistics.of(Q, rs);
    assertThat(s.responses()).isEqualTo(4);
    QuestionStatistics nps = s.question("nps").orElseThrow();
    assertThat(nps.nps()).hasValue(25.0); // 2 promoters, 1 detractor of 4
    assertThat(nps.mean()).hasValue(6.5);
    assertThat(nps.median()).hasValue(8.0);
    assertThat(s.question("colour").orElseThrow().optionCounts())
        .containsExactly(Map.entry("red", 2L), Map.entry("green", 0L), Map.entry("blue", 0L));
    assertThat(s.question("colour").orElseThrow().answered()).isEqualTo(2);
    assertThat(s.question("colour").orElseThrow().skipped()).isEqualTo(2);
    assertThat(s.question("interests").orElseThrow().optionCounts())
        .containsExactly(Map.entry("a", 1L), Map.entry("b", 0L), Map.entry("c", 2L), Map.entry("d", 0L));
    assertThat(s.question("sat").orElseThrow().median()).hasValue(3.0);
    assertThat(s.question("sat").orElseThrow().nps()).isEmpty();
    assertThat(s.question("spend").orElseThrow().mean()).hasValue(12.5);
    QuestionStatistics news = s.question("news").orElseThrow();
    assertThat(news.yes()).isEqualTo(1);
    assertThat(news.no()).isEqualTo(1);
    assertThat(news.skipped()).isEqualTo(2);
    assertThat(s.question("comment").orElseThrow().answered()).isZero();
    assertThat(s.question("comment").orElseThrow().mean()).isEmpty();
    assertThat(s.question("nope")).isEmpty();
  }

  @Test
  void of_noResponses_givesZeroCountsAndEmptyMeans() {
    AnswerStatistics s = AnswerStatistics.of(Q, List.of());
    assertThat(s.questions()).hasSize(7);
    assertThat(s.question("nps").orElseThrow().nps()).isEmpty();
    assertThat(s.question("nps").orElseThrow().answered()).isZero();
  }

  @Test
  void of_invalidResponse_isRefused() {
    List<Response> rs = List.of(r(1, Map.of("nps", Answer.scale(11))));
    assertThatThrownBy(() -> AnswerStatistics.of(Q, rs)).isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("Questionnaire[survey@1].answers[nps]: value out of range '11 not in 0..10'");
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 1_000, 31_337})
  void of_randomResponses_matchesNaiveReference(long seed) {
    Random rnd = new Random(seed);
    int n = rnd.nextInt(300);
    List<Response> rs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, Answer> m = new HashMap<>();
      if (rnd.nextBoolean()) {
        m.put("colour", Answer.choice(List.of("red", "green", "blue").get(rnd.nextInt(3))));
      }
      if (rnd.nextBoolean()) {
        List<String> chosen = new ArrayList<>();
        for (String o : List.of("a", "b", "c", "d")) {
          if (rnd.nextBoolean()) {
            chosen.add(o);
          }
        }
        m.put("interests", Answer.choices(chosen));
      }
      if (rnd.nextInt(4) > 0) {
        m.put("sat", Answer.scale(1 + rnd.nextInt(5)));
      }
      if (rnd.nextInt(4) > 0) {
        m.put("nps", Answer.scale(rnd.nextInt(11)));
      }
      if (rnd.nextBoolean()) {
        m.put("spend", Answer.number(Math.round(rnd.nextDouble() * 100_000) / 100.0));
      }
      if (rnd.nextBoolean()) {
        m.put("news", Answer.yesNo(rnd.nextBoolean()));
      }
      rs.add(r(i, m));
    }
    AnswerStatistics s = AnswerStatistics.of(Q, rs);
    for (Question q : Q.questions()) {
      QuestionStatistics qs = s.question(q.id()).orElseThrow();
      List<Answer> answers = rs.stream().filter(x -> x.answers().containsKey(q.id()))
          .map(x -> x.answers().get(q.id())).toList();
      assertThat(qs.answered()).isEqualTo(answers.size());
      assertThat(qs.skipped()).isEqualTo(n - answers.size());
      for (String o : q.options()) {
        long expected = answers.stream().filter(a -> a instanceof Answer.Choice c ? c.option().equals(o)
            : ((Answer.Choices) a).options().contains(o)).count();
        assertThat(qs.optionCounts().get(o)).as(q.id() + "/" + o).isEqualTo(expected);
      }
      assertThat(qs.yes()).isEqualTo(answers.stream().filter(a -> a instanceof Answer.YesNo y && y.yes()).count());
      assertThat(qs.no()).isEqualTo(answers.stream().filter(a -> a instanceof Answer.YesNo y && !y.yes()).count());
      List<Double> values = answers.stream().<Double>mapMulti((a, sink) -> {
        if (a instanceof Answer.Scale sc) {
          sink.accept((double) sc.value());
        } else if (a instanceof Answer.Numeric nu) {
          sink.accept(nu.value());
        }
      }).toList();
      if (values.isEmpty()) {
        assertThat(qs.mean()).isEmpty();
        assertThat(qs.median()).isEmpty();
        assertThat(qs.nps()).isEmpty();
        continue;
      }
      assertThat(qs.mean().getAsDouble()).isCloseTo(naiveMean(values), within(1e-9));
      assertThat(qs.median()).hasValue(naiveMedian(values));
      if (q.isNps()) {
        double promoters = values.stream().filter(v -> v == 9 || v == 10).count() * 100.0 / values.size();
        double detractors = values.stream().filter(v -> v <= 6).count() * 100.0 / values.size();
        assertThat(qs.nps().getAsDouble()).isCloseTo(promoters - detractors, within(1e-9));
      } else {
        assertThat(qs.nps()).isEmpty();
      }
    }
  }

  private static double naiveMean(List<Double> values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.size();
  }

  /** The median by the definition: the value with as many values below as above it. */
  private static double naiveMedian(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    java.util.Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
