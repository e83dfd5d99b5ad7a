package org.ecrm.core.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ecrm.core.internal.check.Checks;

/**
 * A FAQ / knowledge-base article, with the cases it solved. Immutable and thread-safe.
 *
 * @param id the article id
 * @param question the question it answers, not blank
 * @param answer the answer, not blank
 * @param tags tags (tokens)
 * @param language a BCP 47 language tag such as {@code "en"}
 * @param status draft or published (only published articles are searched)
 * @param solvedCases ids of the cases it solved, oldest first
 * @param updatedAt when it last changed
 * @param version the optimistic-concurrency version
 */
public record Article(String id, String question, String answer, Set<String> tags, String language,
    Status status, List<String> solvedCases, Instant updatedAt, long version) {

  /** Whether an article is visible. */
  public enum Status {
    /** Being written: not searched. */
    DRAFT,
    /** Visible and searched. */
    PUBLISHED
  }

  /** @throws IllegalArgumentException naming the field for a blank question or answer or a bad tag */
  public Article {
    id = Checks.id("Article.id", id);
    question = Checks.line("Article.question", question);
    if (question.isEmpty()) {
      throw Checks.invalid("Article.question", "must not be blank", question);
    }
    answer = Checks.text("Article.answer", answer);
    if (answer.isEmpty()) {
      throw Checks.invalid("Article.answer", "must not be blank", answer);
    }
    tags = Checks.tokens("Article.tags", tags);
    language = Checks.id("Article.language", language).toLowerCase(Locale.ROOT);
    Checks.notNull("Article.status", status);
    solvedCases = Checks.distinctList("Article.solvedCases", solvedCases);
    Checks.notNull("Article.updatedAt", updatedAt);
    Checks.positive("Article.version", version);
  }

  /** A copy with other content, status and version (used by the facade). */
  public Article withContent(String question, String answer, Set<String> tags, Status status, Instant at,
      long version) {
    return new Article(id, question, answer, tags, language, status, solvedCases, at, version);
  }

  /** A copy that solved one more case (used by the facade). */
  public Article withSolvedCase(String caseId, Instant at) {
    List<String> next = new ArrayList<>(solvedCases);
    next.add(caseId);
    return new Article(id, question, answer, tags, language, status, next, at, version + 1);
  }
}
