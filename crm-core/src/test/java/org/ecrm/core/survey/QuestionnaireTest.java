package org.ecrm.core.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.CrmException;
import org.ecrm.core.model.CustomerId;
import org.junit.jupiter.api.Test;

/** Questionnaire definitions and response validation, one test per bad-input case. */
class QuestionnaireTest {
  static final Questionnaire PREFS = Questionnaire.of("prefs", "Your preferences", 2,
      Question.singleChoice("colour", "Favourite colour?", "red", "green", "blue"),
      Question.multipleChoice("interests", "Interests?", "running", "cooking", "travel"),
      Question.scale("satisfaction", "How satisfied are you?", 1, 5),
      Question.nps("recommend", "How likely are you to recommend us?"),
      Question.number("age", "Your age?", 0, 150).optional(),
      Question.freeText("comment", "Anything else?", 20).optional(),
      Question.yesNo("newsletter", "Newsletter?"));

  static Response response(Map<String, Answer> answers) {
    return Response.of(PREFS, CustomerId.of("c-1"), Instant.parse("2026-01-01T10:00:00Z"), Channel.WEB,
        answers);
  }

  static Map<String, Answer> validAnswers() {
    Map<String, Answer> m = new LinkedHashMap<>();
    m.put("colour", Answer.choice("red"));
    m.put("interests", Answer.choices("running", "travel"));
    m.put("satisfaction", Answer.scale(4));
    m.put("recommend", Answer.scale(10));
    m.put("newsletter", Answer.yesNo(true));
    return m;
  }

  @Test
  void validate_completeResponse_hasNoProblem() {
    Map<String, Answer> m = validAnswers();
    m.put("age", Answer.number(42));
    m.put("comment", Answer.text("all good"));
    ValidationResult r = PREFS.validate(response(m));
    assertThat(r.isValid()).isTrue();
    assertThat(r.problems()).isEmpty();
    assertThat(PREFS.check(response(m)).answers()).hasSize(7);
  }

  @Test
  void validate_optionalQuestionsMayBeSkipped() {
    assertThat(PREFS.validate(response(validAnswers())).isValid()).isTrue();
  }

  @Test
  void validate_unknownQuestion_isNamed() {
    Map<String, Answer> m = validAnswers();
    m.put("shoeSize", Answer.number(44));
    assertThat(PREFS.validate(response(m)).problems()).singleElement().satisfies(p -> {
      assertThat(p.kind()).isEqualTo(Problem.Kind.UNKNOWN_QUESTION);
      assertThat(p.message()).isEqualTo("Questionnaire[prefs@2].answers[shoeSize]: unknown question '44'");
    });
  }

  @Test
  void validate_wrongType_isNamed() {
    Map<String, Answer> m = validAnswers();
    m.put("satisfaction", Answer.text("good"));
    assertThat(PREFS.validate(response(m)).problems()).extracting(Problem::message).containsExactly(
        "Questionnaire[prefs@2].answers[satisfaction]: wrong answer type 'Text good for a SCALE question'");
  }

  @Test
  void validate_missingRequiredAnswer_isNamed() {
    Map<String, Answer> m = validAnswers();
    m.remove("colour");
    assertThat(PREFS.validate(response(m)).problems()).extracting(Problem::message).containsExactly(
        "Questionnaire[prefs@2].answers[colour]: missing required answer ''");
  }

  @Test
  void validate_requiredMultipleChoiceWithNoOption_isMissing() {
    Map<String, Answer> m = validAnswers();
    m.put("interests", Answer.choices());
    assertThat(PREFS.validate(response(m)).problems()).extracting(Problem::kind)
        .containsExactly(Problem.Kind.MISSING_REQUIRED_ANSWER);
  }

  @Test
  void validate_optionNotAllowed_isNamedPerOption() {
    Map<String, Answer> m = validAnswers();
    m.put("colour", Answer.choice("purple"));
    m.put("interests", Answer.choices("running", "golf", "chess"));
    assertThat(PREFS.validate(response(m)).problems()).extracting(Problem::message).containsExactly(
        "Questionnaire[prefs@2].answers[colour]: option not allowed 'purple'",
        "Questionnaire[prefs@2].answers[interests]: option not allowed 'chess'",
        "Questionnaire[prefs@2].answers[interests]: option not allowed 'golf'");
  }

  @Test
  void validate_scaleOutOfRange_isNamed() {
    Map<String, Answer> m = validAnswers();
    m.put("satisfaction", Answer.scale(0));
    m.put("recommend", Answer.scale(11));
    assertThat(PREFS.validate(response(m)).problems()).extracting(Problem::message).containsExactly(
        "Questionnaire[prefs@2].answers[satisfaction]: value out of range '0 not in 1..5'",
        "Questionnaire[prefs@2].answers[recommend]: value out of range '11 not in 0..10'");
  }

  @Test
  void validate_numberOutOfRange_isNamed() {
    Map<String, Answer> m = validAnswers();
    m.put("age", Answer.number(-1.5));
    assertThat(PREFS.validate(response(m)).problems()).extracting(Problem::message).containsExactly(
        "Questionnaire[prefs@2].answers[age]: value out of range '-1.5 not in 0..150'");
  }

  @Test
  void validate_textTooLong_isNamed() {
    Map<String, Answer> m = validAnswers();
    m.put("comment", Answer.text("x".repeat(21)));
    assertThat(PREFS.validate(response(m)).problems()).extracting(Problem::message).containsExactly(
        "Questionnaire[prefs@2].answers[comment]: text too long '21 characters, at most 20: "
            + "x".repeat(21) + "'");
  }

  @Test
  void validate_otherVersion_isNamed() {
    Response r = new Response("prefs", 1, CustomerId.of("c-1"), Instant.EPOCH, Channel.EMAIL, validAnswers());
    assertThat(PREFS.validate(r).problems()).extracting(Problem::message).containsExactly(
        "Questionnaire[prefs@2].answers: response to another questionnaire or version 'prefs@1'");
  }

  @Test
  void validate_listsEveryProblem_andCheckThrowsThemAll() {
    Map<String, Answer> m = validAnswers();
    m.remove("newsletter");
    m.put("colour", Answer.choices("red"));
    m.put("satisfaction", Answer.scale(9));
    m.put("extra", Answer.yesNo(false));
    Response r = response(m);
    assertThat(PREFS.validate(r).problems()).extracting(Problem::kind).containsExactly(
        Problem.Kind.UNKNOWN_QUESTION, Problem.Kind.WRONG_TYPE, Problem.Kind.OUT_OF_RANGE,
        Problem.Kind.MISSING_REQUIRED_ANSWER);
    assertThatThrownBy(() -> PREFS.check(r)).isInstanceOf(InvalidResponseException.class)
        .isInstanceOf(CrmException.class)
        .hasMessageStartingWith("4 problem(s) in response:\n")
        .hasMessageContaining("Questionnaire[prefs@2].answers[newsletter]: missing required answer ''")
        .satisfies(e -> assertThat(((InvalidResponseException) e).problems()).hasSize(4));
  }

  @Test
  void questionnaire_duplicateQuestionId_isRefused() {
    assertThatThrownBy(() -> Questionnaire.of("q", "Title", 1, Question.yesNo("a", "A?"),
        Question.yesNo("b", "B?"), Question.yesNo("a", "Again?")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Questionnaire[q].questions[2].id: duplicate question id 'a'");
  }

  @Test
  void questionnaire_badFields_areRefusedNamingThem() {
    assertThatThrownBy(() -> Questionnaire.of("q", "Title", 1))
        .hasMessage("Questionnaire[q].questions: must have at least one question '[]'");
    assertThatThrownBy(() -> Questionnaire.of("q", " ", 1, Question.yesNo("a", "A?")))
        .hasMessage("Questionnaire[q].title: must not be blank ''");
    assertThatThrownBy(() -> Questionnaire.of("q", "T", 0, Question.yesNo("a", "A?")))
        .hasMessage("Questionnaire[q].version: must be positive '0'");
    assertThatThrownBy(() -> Questionnaire.of("bad id", "T", 1, Question.yesNo("a", "A?")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Questionnaire.id: ");
  }

  @Test
  void question_choiceWithoutOptions_isRefused() {
    assertThatThrownBy(() -> Question.singleChoice("c", "Colour?"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Question[c].options: a SINGLE_CHOICE question needs at least one option '[]'");
    assertThatThrownBy(() -> Question.multipleChoice("c", "Colour?", "red", "red"))
        .hasMessage("Question[c].options: duplicate option '[red, red]'");
  }

  @Test
  void question_badScaleBounds_areRefused() {
    assertThatThrownBy(() -> Question.scale("s", "S?", 2, 5))
        .hasMessage("Question[s].min: a scale must start at 0 or 1 '2'");
    assertThatThrownBy(() -> Question.scale("s", "S?", 1, 1))
        .hasMessage("Question[s].max: a scale must end at an integer in 2..100 '1'");
    assertThatThrownBy(() -> Question.scale("s", "S?", 0, 101))
        .hasMessage("Question[s].max: a scale must end at an integer in 1..100 '101'");
    assertThat(Question.scale("s", "S?", 1, 7).isNps()).isFalse();
    assertThat(Question.nps("n", "N?").isNps()).isTrue();
  }

  @Test
  void question_otherBadFields_areRefused() {
    assertThatThrownBy(() -> Question.number("n", "N?", 5, 1))
        .hasMessage("Question[n].max: is below min 5 '1'");
    assertThatThrownBy(() -> Question.freeText("t", "T?", 0))
        .hasMessage("Question[t].maxLength: must be in 1..65536 '0'");
    assertThatThrownBy(() -> new Question("y", "Y?", QuestionType.YES_NO, true, List.of("a"), 0, 0, 0))
        .hasMessage("Question[y].options: a YES_NO question takes no options '[a]'");
    assertThatThrownBy(() -> new Question("y", "Y?", QuestionType.YES_NO, true, List.of(), 0, 0, 5))
        .hasMessage("Question[y].maxLength: a YES_NO question takes no maximum length '5'");
    assertThatThrownBy(() -> Question.yesNo("y", ""))
        .hasMessage("Question[y].text: must not be blank ''");
  }

  @Test
  void answer_badValues_areRefused() {
    assertThatThrownBy(() -> Answer.number(Double.NaN))
        .hasMessage("Answer.Numeric.value: must be a finite number 'NaN'");
    assertThatThrownBy(() -> Answer.choice(" "))
        .hasMessage("Answer.Choice.option: must not be blank ' '");
    assertThat(Answer.choices("b", "a", "b").options()).containsExactly("a", "b");
    assertThatThrownBy(() -> Answer.choices("a", null)).isInstanceOf(NullPointerException.class)
        .hasMessage("Answer.Choices.options must not be null");
    assertThatThrownBy(() -> new InvalidResponseException(List.of()))
        .hasMessage("problems must not be empty");
  }

  @Test
  void response_badShape_isRefused() {
    assertThatThrownBy(() -> new Response("prefs", 0, CustomerId.of("c"), Instant.EPOCH, Channel.WEB, Map.of()))
        .hasMessage("Response.questionnaireVersion: must be positive '0'");
    assertThatThrownBy(() -> new Response("prefs", 1, CustomerId.of("c"), Instant.EPOCH, null, Map.of()))
        .isInstanceOf(NullPointerException.class).hasMessage("Response.channel must not be null");
  }
}
