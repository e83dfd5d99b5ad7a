package org.ecrm.core.support;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * FAQ articles with ranked full-text search (BM25 over question, answer and tags), answer
 * suggestions for incoming cases, and the "most asked" report. Thread-safe.
 */
public interface KnowledgeBase {

  /**
   * Writes a new article.
   *
   * @throws org.ecrm.core.model.DuplicateKeyException if the id is taken
   * @throws IllegalArgumentException naming the field for a blank question or answer
   */
  Article create(String id, String question, String answer, Set<String> tags, String language,
      Article.Status status);

  /**
   * Changes an article read earlier.
   *
   * @throws org.ecrm.core.model.VersionConflictException if it changed since it was read
   */
  Article update(Article changed);

  /** The article with {@code id}, if any. */
  Optional<Article> get(String id);

  /**
   * Published articles in {@code language} ranked by BM25 relevance to {@code query}, best first, at
   * most {@code limit}; articles matching no query term are left out.
   *
   * @throws IllegalArgumentException if {@code limit} is below 1
   */
  List<Hit> search(String query, String language, int limit);

  /** Articles that may answer a case, from its subject and messages' text. */
  List<Hit> suggest(String caseId, String language, int limit);

  /**
   * Records that an article solved a case.
   *
   * @throws org.ecrm.core.model.NotFoundException if the article or the case does not exist
   */
  Article solved(String articleId, String caseId);

  /** Published articles by the number of cases they solved, most first (ties by id). */
  List<Article> mostAsked(int limit);

  /**
   * A search result.
   *
   * @param article the article
   * @param score its BM25 score, higher is better
   */
  record Hit(Article article, double score) { }
}
