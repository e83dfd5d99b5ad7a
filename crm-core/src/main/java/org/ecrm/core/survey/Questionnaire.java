package org.ecrm.core.survey;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ecrm.core.internal.check.Checks;

/**
 * A versioned questionnaire: an ordered list of {@link Question}s with unique ids. A response names the
 * questionnaire's id and version, so a changed questionnaire gets a new version and old responses stay
 * valid against the version they answered. Immutable and thread-safe.
 *
 * @param id the questionnaire's id, a token
 * @param title the title shown to customers, non-blank
 * @param version the version, at least 1
 * @param questions the questions in display order, at least one, ids unique
 */
public record Questionnaire(String id, String title, int version, List<Question> questions) {

  /**
   * Validates the questionnaire.
   *
   * @throws NullPointerException naming the field if one is null
   * @throws IllegalArgumentException naming the field and value: blank title, version below 1, no
   *     questions, a duplicate question id
   */
  public Questionnaire {
    id = Checks.token("Questionnaire.id", id);
    String where = "Questionnaire[" + id + "]";
    title = Checks.line(where + ".title", title);
    if (title.isEmpty()) {
      throw Checks.invalid(where + ".title", "must not be blank", title);
    }
    Checks.positive(where + ".version", version);
    questions = Checks.list(where + ".questions", questions);
    if (questions.isEmpty()) {
      throw Checks.invalid(where + ".questions", "must have at least one question", questions);
    }
    Map<String, Question> seen = new LinkedHashMap<>();
    for (int i = 0; i < questions.size(); i++) {
      if (seen.putIfAbsent(questions.get(i).id(), questions.get(i)) != null) {
        throw Checks.invalid(where + ".questions[" + i + "].id", "duplicate question id", questions.get(i).id());
      }
    }
  }

  /** A questionnaire with the given questions. */
  public static Questionnaire of(String id, String title, int version, Question... questions) {
    return new Questionnaire(id, title, version, List.of(questions));
  }

  /** The question with {@code questionId}, if there is one. */
  public Optional<Question> question(String questionId) {
    return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
  }

  /**
   * Checks {@code response} against this questionnaire and lists every problem: a response to another
   * questionnaire or version, an answer to an unknown question, an answer of the wrong type, a missing
   * required answer, an option not allowed, a scale or number out of range, a text too long.
   *
   * @return the result, {@link ValidationResult#isValid() valid} when there is no problem; never null
   */
  public ValidationResult validate(Response response) {
    Checks.notNull("response", response);
    List<Problem> problems = new ArrayList<>();
    if (!response.questionnaireId().equals(id) || response.questionnaireVersion() != version) {
      problems.add(new Problem(id, version, "", Problem.Kind.WRONG_QUESTIONNAIRE,
          response.questionnaireId() + "@" + response.questionnaireVersion()));
    }
    for (Map.Entry<String, Answer> e : response.answers().entrySet()) {
      Optional<Question> q = question(e.getKey());
      if (q.isEmpty()) {
        problems.add(new Problem(id, version, e.getKey(), Problem.Kind.UNKNOWN_QUESTION, e.getValue().display()));
      }
    }
    for (Question q : questions) {
      Answer a = response.answers().get(q.id());
      if (a == null) {
        if (q.required()) {
          problems.add(new Problem(id, version, q.id(), Problem.Kind.MISSING_REQUIRED_ANSWER, ""));
        }
        continue;
      }
      checkAnswer(q, a, problems);
    }
    return new ValidationResult(Collections.unmodifiableList(problems));
  }

  /**
   * {@link #validate(Response)} that throws.
   *
   * @return {@code response}
   * @throws InvalidResponseException listing every problem if there is one
   */
  public Response check(Response response) {
    validate(response).orThrow();
    return response;
  }

  private void checkAnswer(Question q, Answer a, List<Problem> problems) {
    if (!q.type().answerType().isInstance(a)) {
      problems.add(new Problem(id, version, q.id(), Problem.Kind.WRONG_TYPE,
          a.getClass().getSimpleName() + " " + a.display() + " for a " + q.type() + " question"));
      return;
    }
    if (a instanceof Answer.Choice c) {
      if (!q.options().contains(c.option())) {
        problems.add(new Problem(id, version, q.id(), Problem.Kind.OPTION_NOT_ALLOWED, c.option()));
      }
    } else if (a instanceof Answer.Choices cs) {
      if (cs.options().isEmpty() && q.required()) {
        problems.add(new Problem(id, version, q.id(), Problem.Kind.MISSING_REQUIRED_ANSWER, cs.display()));
      }
      for (String o : cs.options()) {
        if (!q.options().contains(o)) {
          problems.add(new Problem(id, version, q.id(), Problem.Kind.OPTION_NOT_ALLOWED, o));
        }
      }
    } else if (a instanceof Answer.Scale s) {
      if (s.value() < q.min() || s.value() > q.max()) {
        problems.add(new Problem(id, version, q.id(), Problem.Kind.OUT_OF_RANGE,
            s.display() + " not in " + Question.fmt(q.min()) + ".." + Question.fmt(q.max())));
      }
    } else if (a instanceof Answer.Numeric n) {
      if (n.value() < q.min() || n.value() > q.max()) {
        problems.add(new Problem(id, version, q.id(), Problem.Kind.OUT_OF_RANGE,
            n.display() + " not in " + Question.fmt(q.min()) + ".." + Question.fmt(q.max())));
      }
    } else if (a instanceof Answer.Text t) {
      if (t.value().length() > q.maxLength()) {
        problems.add(new Problem(id, version, q.id(), Problem.Kind.TEXT_TOO_LONG,
            t.value().length() + " characters, at most " + q.maxLength() + ": " + t.display()));
      } else if (t.value().isEmpty() && q.required()) {
        problems.add(new Problem(id, version, q.id(), Problem.Kind.MISSING_REQUIRED_ANSWER, ""));
      }
    }
  }
}
